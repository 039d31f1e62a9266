//! Line numbers from byte offsets. The CSV parser's own line count is one short for records
//! that follow a CRLF terminator, so the stream records where each newline is and a record's
//! line comes from its starting byte. The same reader refuses absurdly long lines.

use std::cell::RefCell;
use std::collections::VecDeque;
use std::io::{self, Read};
use std::rc::Rc;

/// A line longer than this is not a CSV record but a broken or hostile file.
const MAX_LINE_BYTES: usize = 64 << 20;

/// Offsets of the `\r` and `\n` bytes read ahead of the records (bounded by the parser's buffer).
type Newlines = Rc<RefCell<VecDeque<(u64, u8)>>>;

pub struct LineTracker<R> {
    inner: R,
    offset: u64,
    since_newline: usize,
    newlines: Newlines,
}

/// Turns record byte offsets into 1-based line numbers. Records must be asked for in order.
pub struct LineIndex {
    newlines: Newlines,
    passed: u64,
}

impl<R: Read> LineTracker<R> {
    pub fn new(inner: R) -> (LineTracker<R>, LineIndex) {
        let newlines = Newlines::default();
        let tracker = LineTracker {
            inner,
            offset: 0,
            since_newline: 0,
            newlines: newlines.clone(),
        };
        (
            tracker,
            LineIndex {
                newlines,
                passed: 0,
            },
        )
    }
}

impl<R: Read> Read for LineTracker<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let n = self.inner.read(buf)?;
        let mut newlines = self.newlines.borrow_mut();
        for (i, &b) in buf[..n].iter().enumerate() {
            if b == b'\n' || b == b'\r' {
                newlines.push_back((self.offset + i as u64, b));
            }
            if b == b'\n' {
                self.since_newline = 0;
            } else {
                self.since_newline += 1;
            }
        }
        self.offset += n as u64;
        if self.since_newline > MAX_LINE_BYTES {
            return Err(io::Error::new(
                io::ErrorKind::InvalidData,
                format!(
                    "a line is longer than {} MiB; this is not a CSV export",
                    MAX_LINE_BYTES >> 20
                ),
            ));
        }
        Ok(n)
    }
}

impl LineIndex {
    /// The line on which the record the parser places at `byte` begins. The parser may place
    /// it on the line breaks before its first character (the `\n` of a CRLF, blank lines it
    /// skipped): those breaks come before the record.
    pub fn line_at(&mut self, byte: u64) -> u64 {
        let mut newlines = self.newlines.borrow_mut();
        let mut next = byte;
        while let Some(&(offset, b)) = newlines.front() {
            if offset < byte || offset == next {
                if offset == next {
                    next += 1;
                }
                if b == b'\n' {
                    self.passed += 1;
                }
                newlines.pop_front();
            } else {
                break;
            }
        }
        self.passed + 1
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lines_of(input: &[u8]) -> Vec<u64> {
        let (tracker, mut index) = LineTracker::new(input);
        let mut rdr = csv::ReaderBuilder::new()
            .has_headers(false)
            .from_reader(tracker);
        let mut rec = csv::ByteRecord::new();
        let mut out = Vec::new();
        while rdr.read_byte_record(&mut rec).unwrap() {
            out.push(index.line_at(rec.position().unwrap().byte()));
        }
        out
    }

    #[test]
    fn lines_with_lf_crlf_and_multiline_fields() {
        assert_eq!(lines_of(b"a,b\n1,2\n3,4\n"), vec![1, 2, 3]);
        assert_eq!(lines_of(b"a,b\r\n1,2\r\n3,4\r\n"), vec![1, 2, 3]);
        assert_eq!(lines_of(b"a,b\n\"x\ny\",2\n3,4\n"), vec![1, 2, 4]);
        assert_eq!(
            lines_of(b"a,b\r\n\"x\r\ny\",2\r\n\r\n3,4\r\n"),
            vec![1, 2, 5]
        );
    }
}
