"""The lexicon stage: data files read and validated once into one `Lexicon` that steps receive."""
