//! A tiny seeded generator. The same seed must give the same bytes on every machine,
//! so draws use only integer steps and + - * / on f64 (no libm call whose last bit
//! may differ between platforms).

/// splitmix64: small, fast, and good enough for made-up race results.
pub struct Rng(u64);

impl Rng {
    /// A stream of its own for each part of the race (a distance, say), so changing one
    /// part does not reshuffle the others.
    pub fn derived(seed: u64, stream: u64) -> Rng {
        let mut rng = Rng(seed ^ stream.wrapping_mul(0xD1B5_4A32_D192_ED03));
        rng.next_u64();
        rng
    }

    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// Uniform in [0, 1).
    pub fn unit(&mut self) -> f64 {
        (self.next_u64() >> 11) as f64 / (1u64 << 53) as f64
    }

    /// Uniform in 0..n (0 when n is 0).
    pub fn below(&mut self, n: usize) -> usize {
        (((self.next_u64() >> 32) * (n as u64 & 0xFFFF_FFFF)) >> 32) as usize
    }

    pub fn chance(&mut self, p: f64) -> bool {
        self.unit() < p
    }

    /// One item of a non-empty list (the lists are the generator's own constants).
    pub fn pick<T: Copy>(&mut self, items: &[T]) -> T {
        items[self.below(items.len())]
    }

    /// One item of a non-empty list of (item, weight).
    pub fn weighted<'a, T>(&mut self, items: &'a [(T, u32)]) -> &'a T {
        let total: u32 = items.iter().map(|(_, w)| w).sum();
        let mut roll = self.below(total as usize) as u32;
        for (item, weight) in items {
            if roll < *weight {
                return item;
            }
            roll -= weight;
        }
        &items[items.len() - 1].0
    }

    /// Roughly standard normal: the sum of twelve uniforms (Irwin-Hall), no libm needed.
    pub fn normal(&mut self) -> f64 {
        (0..12).map(|_| self.unit()).sum::<f64>() - 6.0
    }
}

/// e^x for the small |x| the time model needs (below about 3), by Taylor series on x/32
/// and five squarings: only + and *, so identical everywhere.
pub fn exp(x: f64) -> f64 {
    let y = x / 32.0;
    let mut term = 1.0;
    let mut sum = 1.0;
    for k in 1..14 {
        term *= y / k as f64;
        sum += term;
    }
    for _ in 0..5 {
        sum *= sum;
    }
    sum
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn same_seed_same_stream() {
        let mut a = Rng::derived(2021, 3);
        let mut b = Rng::derived(2021, 3);
        let mut c = Rng::derived(2021, 4);
        let xs: Vec<u64> = (0..5).map(|_| a.next_u64()).collect();
        let ys: Vec<u64> = (0..5).map(|_| b.next_u64()).collect();
        let zs: Vec<u64> = (0..5).map(|_| c.next_u64()).collect();
        assert_eq!(xs, ys);
        assert_ne!(xs, zs);
    }

    #[test]
    fn draws_stay_in_range() {
        let mut rng = Rng::derived(7, 0);
        for _ in 0..10_000 {
            let u = rng.unit();
            assert!((0.0..1.0).contains(&u));
            assert!(rng.below(7) < 7);
            assert!(rng.normal().abs() <= 6.0);
        }
        assert_eq!(rng.below(0), 0);
    }

    #[test]
    fn normal_has_unit_spread() {
        let mut rng = Rng::derived(1, 1);
        let n = 20_000;
        let xs: Vec<f64> = (0..n).map(|_| rng.normal()).collect();
        let mean = xs.iter().sum::<f64>() / n as f64;
        let var = xs.iter().map(|x| (x - mean) * (x - mean)).sum::<f64>() / n as f64;
        assert!(mean.abs() < 0.03, "{mean}");
        assert!((var - 1.0).abs() < 0.05, "{var}");
    }

    #[test]
    fn weighted_follows_weights() {
        let mut rng = Rng::derived(5, 5);
        let items = [("a", 1), ("b", 0), ("c", 3)];
        let mut counts = [0; 3];
        for _ in 0..4000 {
            match *rng.weighted(&items) {
                "a" => counts[0] += 1,
                "b" => counts[1] += 1,
                _ => counts[2] += 1,
            }
        }
        assert_eq!(counts[1], 0);
        assert!(counts[2] > 2 * counts[0]);
    }

    #[test]
    fn exp_matches_libm() {
        for x in [-3.0, -1.0, -0.45, 0.0, 0.1, 0.5, 1.0, 2.5] {
            let rel = (exp(x) - f64::exp(x)).abs() / f64::exp(x);
            assert!(rel < 1e-12, "{x}: {rel}");
        }
    }
}
