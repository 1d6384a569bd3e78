//! Small word tables indexed by a character of each word.

/// A word table indexed by one character of each word (its first or its
/// last), so that a lookup tries only the few words that can match. Entries
/// keep their table order, longest first.
pub(super) struct Index<T: 'static> {
    by_char: Vec<(char, Vec<(&'static str, T)>)>,
    /// One bit per key character's low twelve bits: nearly every other
    /// character is ruled out without a search.
    bloom: [u64; 64],
}

impl<T: Copy> Index<T> {
    pub(super) fn new(
        entries: impl Iterator<Item = (&'static str, T)>,
        key: fn(&str) -> Option<char>,
    ) -> Self {
        let mut by_char: Vec<(char, Vec<(&'static str, T)>)> = Vec::new();
        for (word, value) in entries {
            let Some(c) = key(word) else { continue };
            match by_char.iter_mut().find(|(k, _)| *k == c) {
                Some((_, list)) => list.push((word, value)),
                None => by_char.push((c, vec![(word, value)])),
            }
        }
        by_char.sort_by_key(|(c, _)| *c);
        let mut bloom = [0; 64];
        for (c, _) in &by_char {
            let (word, bit) = bloom_bit(*c);
            bloom[word] |= bit;
        }
        Index { by_char, bloom }
    }

    /// The entries whose key character is `c`.
    pub(super) fn get(&self, c: char) -> &[(&'static str, T)] {
        let (word, bit) = bloom_bit(c);
        if self.bloom[word] & bit == 0 {
            return &[];
        }
        self.by_char
            .binary_search_by_key(&c, |(k, _)| *k)
            .map_or(&[], |i| &self.by_char[i].1)
    }

    /// The first entry that `s` starts with.
    pub(super) fn prefix_of(&self, s: &str) -> Option<(&'static str, T)> {
        let c = s.chars().next()?;
        self.get(c).iter().copied().find(|(w, _)| s.starts_with(w))
    }

    /// The first entry that `s` ends with.
    pub(super) fn suffix_of(&self, s: &str) -> Option<(&'static str, T)> {
        let c = s.chars().next_back()?;
        self.get(c).iter().copied().find(|(w, _)| s.ends_with(w))
    }

    /// The first position in `s` where an entry starts, with the entry.
    pub(super) fn find_in(&self, s: &str) -> Option<(usize, &'static str, T)> {
        s.char_indices().find_map(|(i, _)| {
            let (w, v) = self.prefix_of(&s[i..])?;
            Some((i, w, v))
        })
    }
}

fn bloom_bit(c: char) -> (usize, u64) {
    let k = u32::from(c) & 0xfff;
    ((k >> 6) as usize, 1 << (k & 63))
}

/// The first character of `s`.
pub(super) fn first(s: &str) -> Option<char> {
    s.chars().next()
}

/// The last character of `s`.
pub(super) fn last(s: &str) -> Option<char> {
    s.chars().next_back()
}
