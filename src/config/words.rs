//! Messages that name a backend read as English: "an auth profile", "a cifs profile".

/// The indefinite article for `word` as it is said: `an` before a vowel sound. A word
/// without vowels is an abbreviation, said letter by letter ("an smb", "a cifs").
pub fn article(word: &str) -> &'static str {
    let lower = word.to_ascii_lowercase();
    let Some(first) = lower.chars().next() else {
        return "a";
    };
    let spelled = !lower.chars().any(|c| "aeiouy".contains(c));
    let vowel_sound = if spelled {
        "aefhilmnorsx".contains(first)
    } else {
        "aeiou".contains(first)
    };
    if vowel_sound {
        "an"
    } else {
        "a"
    }
}

#[cfg(test)]
mod tests {
    use super::article;

    #[test]
    fn by_the_sound_of_the_word() {
        for (word, want) in [
            ("auth", "an"),
            ("opal", "an"),
            ("smb", "an"),
            ("cifs", "a"),
            ("truenas", "a"),
            ("qumulo", "a"),
            ("ontap", "an"),
            ("nfs", "an"),
            ("bfs", "a"),
        ] {
            assert_eq!(article(word), want, "{word}");
        }
    }
}
