"""A synthetic interview corpus for the benchmarks: plausible transcripts, deterministic per seed.

Each interview is plain text in the speaker-prefix layout that cotheme reads: ``Interviewer: ...`` and
``P0042: ...`` paragraphs separated by blank lines. Turns run from 5 to 250 words (251 in the few
answers that also get one of the interview's own rare words); sentences carry capitals, commas and
end punctuation. Words come from a fixed vocabulary of a few thousand synthetic but pronounceable
words (drawn Zipf-like, so some are common and many are rare) mixed with common English function
words, so full-text search meets both very frequent and very rare terms. Every interview also holds
a few words of its own (``unique_words(seed)``) that occur nowhere else.

Speed: the vocabulary and a pool of sentences are built once (under a second) and reused; an
interview is then stitched from pooled sentences, so 300 interviews of 10,000 words take well under
a second more.

Nothing here is real data, and nothing here imports cotheme.

    python bench/corpus.py --interviews 30 --words 10000 --out /tmp/corpus
"""

from __future__ import annotations

import argparse
import itertools
import random
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

#: Seeds of the shared material (vocabulary, sentence pool); an interview's own seed only picks from it.
_VOCAB_SEED = 20240601
_POOL_SEED = 7
VOCAB_SIZE = 4000
POOL_SENTENCES = 40_000
QUESTION_POOL = 4_000
#: Share of function words among the words of a sentence (about half in conversational English).
FUNCTION_SHARE = 0.48
MIN_TURN, MAX_TURN = 5, 250

FUNCTION_WORDS = (
    "the and to of a i it that in you was is for but we so my with they on not be just like have "
    "had at me what there all this do about or he she if when would were as can because then know "
    "one them out up some more really think get got been from an which your our their very much "
    "no yes how who where could did going well time people things thing lot bit kind feel felt "
    "said say back still even never always also into over than after before again something "
    "anything nothing quite maybe actually probably sometimes other others first last same"
).split()

_ONSETS = "b br bl c ch cl cr d dr f fl fr g gl gr h j k l m n p pl pr r s sh sl st t th tr v w z".split()
_VOWELS = "a e i o u ai ea ee oa oo ou ie".split()
_CODAS = ["", "", "", "n", "r", "l", "s", "t", "m", "nd", "st", "rk", "ng", "ck"]

_QUESTION_STEMS = (
    "Can you tell me about", "What was it like when", "How did you feel about", "Could you say more about",
    "What happened with", "Why do you think", "When did you first notice", "Who helped you with",
    "How would you describe", "What made the difference with", "Do you remember",
)
_OPENERS = ("Well,", "So", "I mean,", "Honestly,", "Yeah,", "And", "But", "Because", "Then", "Um,")


def _syllable(rng: random.Random) -> str:
    return rng.choice(_ONSETS) + rng.choice(_VOWELS) + rng.choice(_CODAS)


def _make_word(rng: random.Random, syllables: int) -> str:
    return "".join(_syllable(rng) for _ in range(syllables))


@lru_cache(maxsize=1)
def vocabulary() -> tuple[str, ...]:
    """The synthetic content words, most frequent first (rank 0 is the most common)."""
    rng = random.Random(_VOCAB_SEED)
    taken = set(FUNCTION_WORDS)
    words: list[str] = []
    while len(words) < VOCAB_SIZE:
        word = _make_word(rng, rng.choice((1, 2, 2, 2, 3, 3)))
        if 3 <= len(word) <= 14 and word not in taken:
            taken.add(word)
            words.append(word)
    return tuple(words)


@dataclass(frozen=True, slots=True)
class _Pool:
    statements: tuple[str, ...]
    statement_words: tuple[int, ...]
    questions: tuple[str, ...]
    question_words: tuple[int, ...]


def _cumulative(n: int, exponent: float) -> list[float]:
    return list(itertools.accumulate(1.0 / (rank + 1) ** exponent for rank in range(n)))


def _sentence(words: list[str], rng: random.Random, end: str) -> str:
    if len(words) > 8 and rng.random() < 0.5:  # a comma somewhere in longer sentences
        cut = rng.randrange(3, len(words) - 3)
        words[cut] += ","
    text = " ".join(words)
    return text[0].upper() + text[1:] + end


@lru_cache(maxsize=1)
def _pool() -> _Pool:
    """Sentences built once from the shared seed; interviews pick from them."""
    rng = random.Random(_POOL_SEED)
    content = vocabulary()
    lengths = [rng.choice(range(3, 23)) for _ in range(POOL_SENTENCES)]
    total = sum(lengths)
    fn = rng.choices(FUNCTION_WORDS, cum_weights=_cumulative(len(FUNCTION_WORDS), 0.9), k=total)
    ct = rng.choices(content, cum_weights=_cumulative(len(content), 1.0), k=total)
    flags = [rng.random() < FUNCTION_SHARE for _ in range(total)]
    tokens = [f if use_fn else c for f, c, use_fn in zip(fn, ct, flags, strict=True)]
    statements: list[str] = []
    at = 0
    for n in lengths:
        words = tokens[at : at + n]
        at += n
        if rng.random() < 0.15:
            words.insert(0, rng.choice(_OPENERS))
        end = rng.choices((".", "?", "!", "..."), weights=(85, 5, 4, 6))[0]
        statements.append(_sentence(words, rng, end))
    questions = []
    for _ in range(QUESTION_POOL):
        stem = rng.choice(_QUESTION_STEMS).split()
        tail = rng.choices(tokens, k=rng.randrange(2, 12))
        questions.append(_sentence(stem + tail, rng, "?"))
    return _Pool(
        statements=tuple(statements),
        statement_words=tuple(len(s.split()) for s in statements),
        questions=tuple(questions),
        question_words=tuple(len(q.split()) for q in questions),
    )


def unique_words(seed: int) -> tuple[str, str, str]:
    """Three words that occur only in interview ``seed`` (4-5 syllables, never in the vocabulary)."""
    rng = random.Random(f"unique-{seed}")
    return tuple(_make_word(rng, rng.choice((4, 5))) + "ix" for _ in range(3))  # type: ignore[return-value]


def participant_label(seed: int) -> str:
    return f"P{seed % 10_000:04d}"


def _turn(
    rng: random.Random, texts: tuple[str, ...], counts: tuple[int, ...], target: int
) -> tuple[list[str], int]:
    """Pooled sentences adding up to about ``target`` words, never more than ``MAX_TURN``."""
    chosen: list[str] = []
    n = 0
    while n < target:
        i = rng.randrange(len(texts))
        if n + counts[i] > MAX_TURN and chosen:
            break
        chosen.append(texts[i])
        n += counts[i]
    return chosen, n


def make_interview(seed: int, words: int) -> bytes:
    """One interview transcript of about ``words`` words (UTF-8, speaker-prefix layout)."""
    pool = _pool()
    rng = random.Random(seed)
    label = participant_label(seed)
    own = unique_words(seed)
    paragraphs: list[str] = []
    total = 0
    while total < words:
        question, n = _turn(rng, pool.questions, pool.question_words, rng.randrange(MIN_TURN, 40))
        paragraphs.append("Interviewer: " + " ".join(question))
        total += n
        # Participant turns: mostly middling, some short, a few long monologues.
        target = min(MAX_TURN, max(MIN_TURN, int(rng.lognormvariate(4.2, 0.8))))
        answer, n = _turn(rng, pool.statements, pool.statement_words, target)
        paragraphs.append(f"{label}: " + " ".join(answer))
        total += n
    # Each unique word goes into two participant turns, so a rare query has a handful of hits.
    answers = list(range(1, len(paragraphs), 2))
    for word in own:
        for index in rng.sample(answers, min(2, len(answers))):
            head, _, tail = paragraphs[index].rpartition(" ")
            paragraphs[index] = f"{head} {word} {tail}" if head else f"{paragraphs[index]} {word}"
    return ("\n\n".join(paragraphs) + "\n").encode("utf-8")


def interviews(n: int, words: int, seed: int = 1) -> Iterator[tuple[str, bytes]]:
    """``n`` interviews as (file name, bytes); interview i uses seed ``seed + i``, named by its label."""
    for i in range(n):
        s = seed + i
        yield f"{participant_label(s)}-{s}.txt", make_interview(s, words)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Write a synthetic interview corpus as .txt files.")
    parser.add_argument("--interviews", type=int, default=30, help="how many interviews (default 30)")
    parser.add_argument("--words", type=int, default=10_000, help="words per interview (default 10000)")
    parser.add_argument("--seed", type=int, default=1, help="seed of the first interview (default 1)")
    parser.add_argument("--out", type=Path, required=True, help="folder to write into (created)")
    args = parser.parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)
    size = 0
    for name, data in interviews(args.interviews, args.words, args.seed):
        (args.out / name).write_bytes(data)
        size += len(data)
    print(f"wrote {args.interviews} interviews, {size / 1e6:.2f} MB, to {args.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
