//! Hypocorisms: the short and familiar forms people give a shop instead of their given name
//! (Pepe for José, Mamen for Carmen, Txell for Meritxell). Spanish, Catalan, Basque and
//! English forms; one nickname may stand for several names (Chema: José María or José
//! Manuel), so it is read at comparison time, never rewritten into the record.

use std::collections::HashMap;
use std::sync::OnceLock;

/// (nickname, the given names it stands for), folded (no accents, lower case).
const NICKNAMES: &[(&str, &[&str])] = &[
    ("mari", &["maria"]),
    ("maricarmen", &["maria carmen", "maria del carmen"]),
    ("menchu", &["carmen", "maria carmen"]),
    ("mamen", &["carmen", "maria carmen"]),
    ("pepa", &["josefa"]),
    ("pepi", &["josefa"]),
    ("isa", &["isabel"]),
    ("chabeli", &["isabel"]),
    ("anamari", &["ana maria"]),
    ("pili", &["pilar", "maria pilar", "maria del pilar"]),
    ("lola", &["dolores", "maria dolores"]),
    ("loli", &["dolores", "maria dolores"]),
    ("marilo", &["maria dolores"]),
    ("cris", &["cristina"]),
    ("marian", &["maria angeles", "mariana"]),
    ("angelines", &["maria angeles", "angeles"]),
    ("paqui", &["francisca"]),
    ("paca", &["francisca"]),
    ("toni", &["antonio", "antonia"]),
    ("tona", &["antonia"]),
    ("nena", &["elena"]),
    ("maribel", &["maria isabel"]),
    ("majo", &["maria jose"]),
    ("mariajo", &["maria jose"]),
    ("marijose", &["maria jose"]),
    ("rosi", &["rosa", "rosario"]),
    ("manoli", &["manuela"]),
    ("merche", &["mercedes"]),
    ("tere", &["teresa", "maria teresa"]),
    ("maite", &["maria teresa"]),
    ("charo", &["rosario"]),
    ("chari", &["rosario"]),
    ("bea", &["beatriz"]),
    ("patri", &["patricia"]),
    ("encarna", &["encarnacion"]),
    ("encarni", &["encarnacion"]),
    ("concha", &["concepcion"]),
    ("conchi", &["concepcion"]),
    ("inma", &["inmaculada"]),
    ("anabel", &["ana belen", "ana isabel"]),
    ("noe", &["noelia"]),
    ("marisa", &["maria luisa"]),
    ("malu", &["maria luisa"]),
    ("chus", &["jesus", "maria jesus"]),
    ("marichu", &["maria jesus"]),
    ("susi", &["susana"]),
    ("bego", &["begona"]),
    ("puri", &["purificacion"]),
    ("asun", &["asuncion"]),
    ("chelo", &["consuelo"]),
    ("lupe", &["guadalupe"]),
    ("maca", &["macarena"]),
    ("txell", &["meritxell"]),
    ("montse", &["montserrat"]),
    ("tono", &["antonio"]),
    ("pepe", &["jose", "josep"]),
    ("pepito", &["jose"]),
    ("pep", &["josep"]),
    ("manolo", &["manuel"]),
    ("manu", &["manuel"]),
    ("paco", &["francisco"]),
    ("curro", &["francisco"]),
    ("pancho", &["francisco"]),
    ("chico", &["francisco"]),
    ("fran", &["francisco", "francisco javier"]),
    ("juanito", &["juan"]),
    ("josean", &["jose antonio"]),
    ("javi", &["javier", "francisco javier"]),
    ("xavi", &["xavier", "javier"]),
    ("dani", &["daniel"]),
    ("pepelu", &["jose luis"]),
    ("joselu", &["jose luis"]),
    ("suso", &["jesus"]),
    ("alex", &["alejandro", "alexandre", "alex"]),
    ("migue", &["miguel", "miguel angel"]),
    ("josema", &["jose manuel", "jose maria"]),
    ("chema", &["jose maria", "jose manuel"]),
    ("josemari", &["jose maria"]),
    ("rafa", &["rafael"]),
    ("fer", &["fernando"]),
    ("nando", &["fernando"]),
    ("coque", &["jorge"]),
    ("berto", &["alberto", "roberto"]),
    ("juanca", &["juan carlos"]),
    ("juanjo", &["juan jose"]),
    ("juanan", &["juan antonio"]),
    ("juanma", &["juan manuel"]),
    ("quique", &["enrique"]),
    ("kike", &["enrique"]),
    ("moncho", &["ramon"]),
    ("chente", &["vicente"]),
    ("quino", &["joaquin"]),
    ("ximo", &["joaquin", "joaquim"]),
    ("quim", &["joaquim"]),
    ("santi", &["santiago"]),
    ("edu", &["eduardo"]),
    ("rober", &["roberto"]),
    ("nacho", &["ignacio"]),
    ("fonsi", &["alfonso"]),
    ("guille", &["guillermo"]),
    ("salva", &["salvador"]),
    ("goyo", &["gregorio"]),
    ("agus", &["agustin"]),
    ("nico", &["nicolas"]),
    ("uri", &["oriol"]),
    ("cesc", &["francesc"]),
    ("lucho", &["luis"]),
    ("bob", &["robert"]),
    ("bill", &["william"]),
    ("mike", &["michael"]),
];

fn table() -> &'static HashMap<&'static str, Vec<Vec<&'static str>>> {
    static TABLE: OnceLock<HashMap<&'static str, Vec<Vec<&'static str>>>> = OnceLock::new();
    TABLE.get_or_init(|| {
        NICKNAMES
            .iter()
            .map(|(nick, names)| {
                (
                    *nick,
                    names.iter().map(|n| n.split(' ').collect()).collect(),
                )
            })
            .collect()
    })
}

/// The given names a nickname stands for, each as folded words; empty when it is none.
pub fn names_for(word: &str) -> &'static [Vec<&'static str>] {
    table().get(word).map_or(&[], Vec::as_slice)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_nickname_several_names() {
        let chema = names_for("chema");
        assert!(chema.contains(&vec!["jose", "maria"]));
        assert!(chema.contains(&vec!["jose", "manuel"]));
        assert!(names_for("ana").is_empty());
    }
}
