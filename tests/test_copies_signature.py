"""Signatures and the LSH index computed the fast way give what datasketch gives: stored
signatures stay comparable, and the same articles are candidates and copies."""
from __future__ import annotations

import hashlib
from pathlib import Path

import numpy as np
from datasketch import MinHash, MinHashLSH

from pipeline.copies.link import BANDS, Linker
from pipeline.copies.signature import PERMUTATIONS, SCHEME, SEED, Signer, decode, shingle_hashes, signature_of

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "copies"
TEXTS = [
    (FIXTURES / "wire_a.txt").read_text("utf-8").split("\n\n", 1)[1],
    (FIXTURES / "wire_b.txt").read_text("utf-8").split("\n\n", 1)[1],
    "Maroš Šefčovič met Wang Wentao in Genève; they discussed the KELVIN \u212a scale and ÉTÉ tariffs.",
    "Short",
    "two words",
]


def test_the_signature_is_datasketchs_minhash_of_the_shingles():
    signer = Signer()
    for text in TEXTS:
        hashes = shingle_hashes(text)
        m = MinHash(num_perm=PERMUTATIONS, seed=SEED, hashfunc=int, scheme=SCHEME, permutations=signer.permutations)
        m.update_batch(hashes.tolist())
        count, lean = decode(signer.sign(text))
        assert count == len(hashes) and np.array_equal(lean.hashvalues, m.hashvalues)


def test_signatures_stored_earlier_are_unchanged():
    # as the signatures were first computed (word by word through Python, MinHash.update_batch)
    digests = [hashlib.sha1(signature_of(t).encode()).hexdigest()[:16] for t in (TEXTS[0], TEXTS[2], "Short")]
    assert digests == ["282fe41634492ed5", "5d83ec36b6528458", "01e37d86c88b6615"]


def test_the_index_finds_the_candidates_minhashlsh_finds():
    rng = np.random.default_rng(7)
    words = [f"w{i}" for i in range(300)]
    texts = [" ".join(rng.choice(words, 60)) for _ in range(40)]
    texts += [t + " and more words here" for t in texts[:10]] + TEXTS
    signatures = [signature_of(t) for t in texts]
    lsh, linker = MinHashLSH(num_perm=PERMUTATIONS, params=BANDS), Linker()
    for i, s in enumerate(signatures):
        lsh.insert(str(i), decode(s)[1])
        linker.add(str(i), s)
    for s in signatures:
        assert linker.candidates(decode(s)[1].hashvalues) == set(lsh.query(decode(s)[1]))
