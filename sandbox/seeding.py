"""Random streams derived from one seed.

Every random draw in the sandbox comes from a generator made here from the world's seed and
a list of keys that name the part of the world being drawn ("people", "follows", a post's
id, ...). The same seed and keys always give the same stream, in any process; changing one
part's keys leaves every other part's draws unchanged, which is what makes what-if reruns
possible. The global ``random``, ``numpy.random`` and ``Faker.seed`` states are never used.
"""

from __future__ import annotations

import hashlib
import zlib

import numpy as np
from faker import Faker


def _key_to_int(key: str | int) -> int:
    if isinstance(key, int) and not isinstance(key, bool) and key >= 0:
        return key
    return zlib.crc32(str(key).encode("utf-8"))


def stream(seed: int, *keys: str | int) -> np.random.Generator:
    """Return an independent numpy Generator for one part of a world.

    Args:
        seed: The world's seed.
        *keys: Names of the part, e.g. ``("people", "ages")``.

    Returns:
        A ``numpy.random.Generator`` that depends only on ``seed`` and ``keys``.
    """
    spawn_key = tuple(_key_to_int(k) for k in keys)
    return np.random.default_rng(np.random.SeedSequence(entropy=int(seed), spawn_key=spawn_key))


def uniforms(seed: int, namespace: str, ids: np.ndarray, k: int) -> np.ndarray:
    """Return ``k`` uniform numbers in (0, 1) for each id, each row fixed by its id alone.

    A post's noise comes from its own id, so adding, removing or changing one post in a plan
    leaves the randomness of every other post exactly as it was.

    Args:
        seed: The world's seed.
        namespace: What the numbers are for, e.g. ``"post-noise"``.
        ids: One non-negative integer id per row.
        k: How many numbers per row.

    Returns:
        An array of shape ``(len(ids), k)`` with values strictly between 0 and 1.
    """
    ids = np.asarray(ids, dtype=np.uint64)
    mask = 0xFFFFFFFFFFFFFFFF
    base = np.uint64(((_key_to_int(namespace) * 0x9E3779B97F4A7C15) & mask) ^ (int(seed) & mask))
    cols = np.arange(1, k + 1, dtype=np.uint64)
    x = ids[:, None] * np.uint64(0xBF58476D1CE4E5B9) + base + cols[None, :] * np.uint64(0x94D049BB133111EB)
    # splitmix64 finaliser: a well-mixed, counter-based hash
    x ^= x >> np.uint64(30)
    x *= np.uint64(0xBF58476D1CE4E5B9)
    x ^= x >> np.uint64(27)
    x *= np.uint64(0x94D049BB133111EB)
    x ^= x >> np.uint64(31)
    return ((x >> np.uint64(11)).astype(np.float64) + 0.5) / float(1 << 53)


def faker_for(locale: str, seed: int, *keys: str | int) -> Faker:
    """Return a Faker for ``locale`` seeded for one part of the world (instance seed only).

    Args:
        locale: A Faker locale such as ``"en_US"``.
        seed: The world's seed.
        *keys: Names of the part.

    Returns:
        A ``Faker`` whose own random state is seeded; the class-level seed is untouched.
    """
    fake = Faker(locale)
    fake.seed_instance(int(stream(seed, "faker", locale, *keys).integers(0, 2**31 - 1)))
    return fake


def seed_from_student_id(student_id: str, base_seed: int = 0) -> int:
    """Derive a world seed from a student id, the same on every machine.

    Args:
        student_id: The learner's id as the instructor's roster has it (case and
            surrounding spaces are ignored).
        base_seed: A course-wide seed the instructor may change each term.

    Returns:
        A non-negative integer seed.

    Raises:
        ValueError: If the student id is empty.
    """
    clean = str(student_id).strip().lower()
    if not clean:
        raise ValueError("student_id: is empty. Set it to the id your instructor gave you, e.g. 'jdoe42'.")
    digest = hashlib.sha256(f"{base_seed}:{clean}".encode()).digest()
    return int.from_bytes(digest[:4], "big")
