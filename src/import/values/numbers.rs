//! Places, ages, birth years and the plain decimals exports write.

/// "17", "17.", "=17", "17/1763" -> 17. Zero is no place.
pub fn read_place(text: &str) -> Option<u32> {
    let s = text.trim().trim_start_matches(['=', '#']);
    let s = s
        .split('/')
        .next()
        .unwrap_or("")
        .trim()
        .trim_end_matches(['.', ')']);
    s.parse::<u32>().ok().filter(|&p| p > 0)
}

/// The first number in the cell: "28", " Âge 28", "28 ans", "M28"? (no: that is a
/// category, the mapping keeps those apart). Ages run 1..=120.
pub fn read_age(text: &str) -> Option<u16> {
    first_number(text)
        .filter(|n| (1..=120).contains(n))
        .map(|n| n as u16)
}

/// A four-digit year anywhere in the cell: "1990", "1990-05-01", "01.05.1990".
pub fn read_birth_year(text: &str) -> Option<u16> {
    text.split(|c: char| !c.is_ascii_digit())
        .filter(|run| run.len() == 4)
        .filter_map(|run| run.parse::<u16>().ok())
        .find(|y| (1900..=2100).contains(y))
}

fn first_number(text: &str) -> Option<u32> {
    text.split(|c: char| !c.is_ascii_digit())
        .find(|run| !run.is_empty())?
        .parse()
        .ok()
}

/// "42.195", "5400", "21,1" as a number: the forms exports write (no sign, no
/// exponent). Kept small on purpose: std's float parser brings 10 KB of tables to wasm.
pub fn parse_decimal(s: &str) -> Option<f64> {
    let (whole, frac) = s.split_once(['.', ',']).unwrap_or((s, ""));
    let digits = |t: &str| t.len() <= 15 && t.bytes().all(|b| b.is_ascii_digit());
    if (whole.is_empty() && frac.is_empty()) || !digits(whole) || !digits(frac) {
        return None;
    }
    let scale = 10u64.checked_pow(frac.len() as u32)?;
    let w: u64 = if whole.is_empty() {
        0
    } else {
        whole.parse().ok()?
    };
    let f: u64 = if frac.is_empty() {
        0
    } else {
        frac.parse().ok()?
    };
    let n = w.checked_mul(scale)?.checked_add(f)?;
    // One correctly rounded division gives the same double as parsing the literal.
    (n < 1 << 53).then(|| n as f64 / scale as f64)
}
