"""What both diarization backends share: chunks, their stored embeddings, the final clustering.

A backend turns each fixed chunk of audio into *pieces* — stretches of speech, each with a
speaker embedding — and the speech regions it found. A chunk is a unit: its pieces go to a
blob (NumPy's format, no pickle), its speech regions to the timeline, and the cursor moves to
the next chunk. When every chunk is done, all pieces are clustered together into speakers and
the speaker turns are committed in one last unit. An abort therefore loses at most the chunk
in flight, and chunk boundaries do not depend on where a run was resumed.
"""

from __future__ import annotations

import hashlib
import io
from collections.abc import Iterator
from dataclasses import dataclass

import numpy as np

from aima_desktop.domain.records import Event
from aima_desktop.modules.audio import SAMPLE_RATE, read_samples
from aima_desktop.modules.base import AnalysisModule, ModuleContext, Unit


@dataclass
class ChunkResult:
    """Pieces of one chunk: ``spans`` (n, 2) seconds, ``embeddings`` (n, d), speech regions."""

    spans: np.ndarray
    embeddings: np.ndarray
    speech: list[tuple[float, float]]

    @classmethod
    def of(cls, spans: list, embeddings: list, speech: list) -> ChunkResult:
        """From lists; a chunk without pieces (silence) gives empty arrays."""
        if not spans:
            return cls(np.zeros((0, 2)), np.zeros((0, 1), dtype=np.float32), speech)
        return cls(np.array(spans, dtype=np.float64), np.array(embeddings, dtype=np.float32),
                   speech)


def pack(spans: np.ndarray, embeddings: np.ndarray) -> bytes:
    if len(spans):
        table = np.hstack([spans, embeddings]).astype(np.float32)
    else:
        table = np.zeros((0, 3), dtype=np.float32)
    buffer = io.BytesIO()
    np.save(buffer, table, allow_pickle=False)
    return buffer.getvalue()


def unpack(data: bytes) -> tuple[np.ndarray, np.ndarray]:
    table = np.load(io.BytesIO(data), allow_pickle=False)
    if table.ndim != 2 or table.shape[1] < 3:
        return np.zeros((0, 2)), np.zeros((0, 1))
    return table[:, :2].astype(np.float64), table[:, 2:]


def cluster(embeddings: np.ndarray, threshold: float, num_speakers: int | None,
            min_share: float = 0.08) -> np.ndarray:
    """Speaker labels 0..k-1 for the rows of ``embeddings`` (cosine distance, average linkage).

    Without a given number of speakers, clusters are cut at ``threshold``; clusters holding
    fewer than ``min_share`` of the pieces (stray windows, coughs) join the nearest large one.
    """
    from scipy.cluster.hierarchy import fcluster, linkage

    if len(embeddings) == 0:
        return np.zeros(0, dtype=int)
    if len(embeddings) == 1:
        return np.zeros(1, dtype=int)
    # A model may give NaN or all-zero embeddings for speech it could not place; cosine
    # distances need finite, non-zero vectors, so such rows become one common vector.
    embeddings = np.nan_to_num(np.asarray(embeddings, dtype=np.float64))
    embeddings[np.linalg.norm(embeddings, axis=1) < 1e-9] = 1.0
    tree = linkage(embeddings, method="average", metric="cosine")
    if num_speakers:
        labels = fcluster(tree, t=num_speakers, criterion="maxclust")
    else:
        labels = fcluster(tree, t=threshold, criterion="distance")
        counts = {label: int((labels == label).sum()) for label in set(labels)}
        large = [label for label, n in counts.items() if n >= max(2, min_share * len(labels))]
        if large:
            normalised = embeddings / np.linalg.norm(embeddings, axis=1, keepdims=True).clip(1e-9)
            centroids = {label: normalised[labels == label].mean(axis=0) for label in large}
            for index, label in enumerate(labels):
                if label not in large:
                    labels[index] = max(large, key=lambda c: float(normalised[index] @ centroids[c]))
    # Number speakers by first appearance, so labels read SPEAKER_00, SPEAKER_01, ...
    order = {label: rank for rank, label in enumerate(dict.fromkeys(labels))}
    return np.array([order[label] for label in labels])


def turns_from_pieces(spans: np.ndarray, labels: np.ndarray,
                      speech: list[tuple[float, float]]) -> list[tuple[float, float, int]]:
    """Speaker turns: each speech region is split between the pieces inside it (at the middle
    between neighbouring pieces' centres), and neighbours with the same speaker are merged."""
    centres = spans.mean(axis=1) if len(spans) else np.zeros(0)
    turns: list[tuple[float, float, int]] = []
    for start, end in speech:
        inside = np.nonzero((centres >= start) & (centres <= end))[0]
        if not len(inside):
            continue
        inside = inside[np.argsort(centres[inside])]
        bounds = [start, *((centres[a] + centres[b]) / 2 for a, b in zip(inside, inside[1:])), end]
        for index, piece in enumerate(inside):
            turns.append((bounds[index], bounds[index + 1], int(labels[piece])))
    merged: list[tuple[float, float, int]] = []
    for start, end, speaker in sorted(turns):
        if merged and merged[-1][2] == speaker and start - merged[-1][1] < 0.5:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]), speaker)
        else:
            merged.append((start, end, speaker))
    return merged


def speaker_name(index: int) -> str:
    return f"SPEAKER_{index:02d}"


class ChunkedDiarization(AnalysisModule):
    """The chunk loop and the final clustering; backends implement ``analyse_chunk``."""

    chunk_s = 60.0
    threshold = 0.25
    backend = ""

    def analyse_chunk(self, audio: np.ndarray, offset_s: float) -> ChunkResult:
        raise NotImplementedError

    def process(self, ctx: ModuleContext) -> Iterator[Unit]:
        cursor = ctx.cursor or {"chunk": 0}
        if cursor.get("done"):
            return
        # A resumed run keeps the chunk length the cursor's chunk index counts in.
        self.chunk_s = float(cursor.get("chunk_s") or ctx.checkpoint_s(self.chunk_s, 30.0))
        audio = read_samples(ctx.audio_path)
        duration = len(audio) / SAMPLE_RATE
        count = max(1, int(np.ceil(duration / self.chunk_s)))
        stats = {"backend": self.backend, "chunks": count, "chunk_s": self.chunk_s}
        own: list[Event] = []  # this run's committed chunk and speech events
        for index in range(int(cursor.get("chunk", 0)), count):
            start_s = index * self.chunk_s
            end_s = min(duration, start_s + self.chunk_s)
            chunk = audio[int(start_s * SAMPLE_RATE):int(end_s * SAMPLE_RATE)]
            result = self.analyse_chunk(chunk, start_s)
            data = pack(result.spans, result.embeddings)
            digest = hashlib.sha256(data).hexdigest()
            events = [Event("speech", s, e) for s, e in result.speech]
            events.append(Event("chunk", start_s, end_s, f"chunk {index}",
                                {"blob": digest, "pieces": len(result.spans)}))
            yield Unit(events, {"chunk": index + 1, "chunk_s": self.chunk_s}, min(end_s, ctx.total_s) * 0.99,
                       stats, {digest: data})
            own += events
        yield self._final_unit(ctx, stats, own)

    def _final_unit(self, ctx: ModuleContext, stats: dict, own: list[Event]) -> Unit:
        """Cluster every chunk's pieces (this run's and those of the run it continues)."""
        committed = [*ctx.previous_events("chunk"), *ctx.previous_events("speech"), *own]
        chunks = [e for e in committed if e.kind == "chunk"]
        speech = [(e.start, e.end) for e in committed if e.kind == "speech"]
        spans, embeddings = [], []
        for event in sorted(chunks, key=lambda e: e.start):
            chunk_spans, chunk_embeddings = unpack(ctx.read_blob(event.payload["blob"]))
            spans.append(chunk_spans)
            embeddings.append(chunk_embeddings)
        kept = [(s, e) for s, e in zip(spans, embeddings) if len(s)]
        all_spans = np.vstack([s for s, _ in kept]) if kept else np.zeros((0, 2))
        all_embeddings = np.vstack([e for _, e in kept]) if kept else np.zeros((0, 1))
        num_speakers = int(ctx.config.get("num_speakers") or 0) or None
        labels = cluster(all_embeddings, self.threshold, num_speakers)
        turns = turns_from_pieces(all_spans, labels, sorted(speech))
        events = [Event("turn", round(s, 3), round(e, 3), speaker_name(k),
                        {"speaker": speaker_name(k)}) for s, e, k in turns]
        final = {**stats, "speakers": int(labels.max() + 1) if len(labels) else 0,
                 "pieces": int(len(labels))}
        return Unit(events, {"chunk": stats["chunks"], "done": True}, ctx.total_s, final)
