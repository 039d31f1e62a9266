//! Character encodings: UTF-8 (with or without BOM), UTF-16 with BOM, and Windows-1252 for a
//! file that is not UTF-8 and has no BOM (Spanish and Latin American spreadsheet saves).

use std::borrow::Cow;
use std::fmt;
use std::io::{Cursor, Read};

use encoding_rs::{UTF_16BE, UTF_16LE, WINDOWS_1252};
use encoding_rs_io::DecodeReaderBytesBuilder;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TextEncoding {
    /// No byte above 0x7F in the sample: UTF-8 and Windows-1252 read it alike, and a later
    /// accent decides per field.
    Ascii,
    Utf8,
    Utf8Bom,
    Utf16Le,
    Utf16Be,
    Windows1252,
}

impl fmt::Display for TextEncoding {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            TextEncoding::Ascii => "ASCII",
            TextEncoding::Utf8 => "UTF-8",
            TextEncoding::Utf8Bom => "UTF-8 with BOM",
            TextEncoding::Utf16Le => "UTF-16LE with BOM",
            TextEncoding::Utf16Be => "UTF-16BE with BOM",
            TextEncoding::Windows1252 => "Windows-1252",
        })
    }
}

impl TextEncoding {
    /// Decides from the first bytes of the file.
    pub fn detect(prefix: &[u8]) -> TextEncoding {
        if prefix.starts_with(&[0xEF, 0xBB, 0xBF]) {
            return TextEncoding::Utf8Bom;
        }
        if prefix.starts_with(&[0xFF, 0xFE]) {
            return TextEncoding::Utf16Le;
        }
        if prefix.starts_with(&[0xFE, 0xFF]) {
            return TextEncoding::Utf16Be;
        }
        if prefix.is_ascii() {
            return TextEncoding::Ascii;
        }
        let (valid_multibyte, invalid) = utf8_census(prefix);
        // A Windows-1252 file essentially never contains valid multi-byte UTF-8 sequences, so a
        // UTF-8 file with a few broken bytes stays UTF-8 (its broken rows are reported).
        if invalid == 0 || valid_multibyte > invalid {
            TextEncoding::Utf8
        } else {
            TextEncoding::Windows1252
        }
    }

    /// After conversion, fields are either UTF-8 or single-byte Windows-1252.
    pub fn field_encoding(self) -> FieldEncoding {
        match self {
            TextEncoding::Windows1252 => FieldEncoding::Windows1252,
            TextEncoding::Ascii => FieldEncoding::Either,
            _ => FieldEncoding::Utf8,
        }
    }
}

/// Counts valid non-ASCII characters and invalid sequences, ignoring a sequence cut at the end.
fn utf8_census(mut bytes: &[u8]) -> (usize, usize) {
    let (mut valid, mut invalid) = (0usize, 0usize);
    loop {
        match std::str::from_utf8(bytes) {
            Ok(s) => {
                valid += s.chars().filter(|c| !c.is_ascii()).count();
                return (valid, invalid);
            }
            Err(e) => {
                let good = &bytes[..e.valid_up_to()];
                valid += std::str::from_utf8(good)
                    .map_or(0, |s| s.chars().filter(|c| !c.is_ascii()).count());
                match e.error_len() {
                    None => return (valid, invalid),
                    Some(n) => {
                        invalid += 1;
                        bytes = &bytes[e.valid_up_to() + n..];
                    }
                }
            }
        }
    }
}

/// Wraps the raw byte stream (whose first bytes were already read into `prefix`) so that what
/// comes out is UTF-8 without BOM, or Windows-1252 bytes decoded field by field later.
pub fn normalized_stream(
    encoding: TextEncoding,
    prefix: Vec<u8>,
    rest: Box<dyn Read>,
) -> Box<dyn Read> {
    let whole = Cursor::new(prefix).chain(rest);
    match encoding {
        TextEncoding::Ascii | TextEncoding::Utf8 | TextEncoding::Windows1252 => Box::new(whole),
        TextEncoding::Utf8Bom => {
            let mut r = whole;
            let mut bom = [0u8; 3];
            // The BOM was seen in the prefix, so these three bytes are there.
            let _ = r.read_exact(&mut bom);
            Box::new(r)
        }
        TextEncoding::Utf16Le | TextEncoding::Utf16Be => {
            let enc = if encoding == TextEncoding::Utf16Le {
                UTF_16LE
            } else {
                UTF_16BE
            };
            Box::new(
                DecodeReaderBytesBuilder::new()
                    .encoding(Some(enc))
                    .build(whole),
            )
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FieldEncoding {
    Utf8,
    Windows1252,
    /// The file looked ASCII: a field that is not valid UTF-8 is Windows-1252 (a file whose
    /// first accent comes late, as in a big export from Excel).
    Either,
}

impl FieldEncoding {
    /// Decodes one field. Invalid UTF-8 and NUL bytes are errors of the row, never a panic.
    pub fn decode(self, bytes: &[u8]) -> Result<Cow<'_, str>, &'static str> {
        if bytes.contains(&0) {
            return Err("contains a NUL byte (is this a binary file?)");
        }
        match self {
            FieldEncoding::Utf8 => std::str::from_utf8(bytes)
                .map(Cow::Borrowed)
                .map_err(|_| "is not valid UTF-8 (the file is UTF-8 elsewhere)"),
            FieldEncoding::Windows1252 => Ok(WINDOWS_1252.decode_without_bom_handling(bytes).0),
            FieldEncoding::Either => Ok(match std::str::from_utf8(bytes) {
                Ok(text) => Cow::Borrowed(text),
                Err(_) => WINDOWS_1252.decode_without_bom_handling(bytes).0,
            }),
        }
    }

    /// Lossy decoding for echoing a bad row back in a rejects file.
    pub fn decode_lossy(self, bytes: &[u8]) -> String {
        match self {
            FieldEncoding::Utf8 => String::from_utf8_lossy(bytes).replace('\0', ""),
            FieldEncoding::Either if std::str::from_utf8(bytes).is_ok() => {
                String::from_utf8_lossy(bytes).replace('\0', "")
            }
            FieldEncoding::Windows1252 | FieldEncoding::Either => WINDOWS_1252
                .decode_without_bom_handling(bytes)
                .0
                .replace('\0', ""),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn detects_boms_and_windows_1252() {
        assert_eq!(
            TextEncoding::detect(b"\xEF\xBB\xBFsku"),
            TextEncoding::Utf8Bom
        );
        assert_eq!(
            TextEncoding::detect(b"\xFF\xFEs\0k\0u\0"),
            TextEncoding::Utf16Le
        );
        assert_eq!(TextEncoding::detect(b"\xFE\xFF\0s"), TextEncoding::Utf16Be);
        assert_eq!(
            TextEncoding::detect("Jos\u{e9};N\u{fa}\u{f1}ez".as_bytes()),
            TextEncoding::Utf8
        );
        assert_eq!(
            TextEncoding::detect(b"Jos\xE9;N\xFA\xF1ez"),
            TextEncoding::Windows1252
        );
        // A sequence cut by the end of the sample is not evidence against UTF-8.
        assert_eq!(TextEncoding::detect(b"caf\xC3"), TextEncoding::Utf8);
        // UTF-8 with one broken byte stays UTF-8.
        assert_eq!(
            TextEncoding::detect(
                "Jos\u{e9} Mar\u{ed}a \u{f1} \u{e1} "
                    .as_bytes()
                    .iter()
                    .copied()
                    .chain([0xE9])
                    .collect::<Vec<u8>>()
                    .as_slice()
            ),
            TextEncoding::Utf8
        );
    }

    #[test]
    fn decodes_fields() {
        assert_eq!(
            FieldEncoding::Windows1252.decode(b"Jos\xE9").unwrap(),
            "Jos\u{e9}"
        );
        assert_eq!(
            FieldEncoding::Utf8.decode("Jos\u{e9}".as_bytes()).unwrap(),
            "Jos\u{e9}"
        );
        assert!(FieldEncoding::Utf8.decode(b"Jos\xE9").is_err());
        assert!(FieldEncoding::Utf8.decode(b"a\0b").is_err());
    }

    #[test]
    fn utf16_is_transcoded() {
        let text = "sku;title\nA;Jos\u{e9}\n";
        let mut bytes = vec![0xFF, 0xFE];
        for u in text.encode_utf16() {
            bytes.extend_from_slice(&u.to_le_bytes());
        }
        let mut out = String::new();
        normalized_stream(TextEncoding::Utf16Le, bytes, Box::new(std::io::empty()))
            .read_to_string(&mut out)
            .unwrap();
        assert_eq!(out, text);
    }
}
