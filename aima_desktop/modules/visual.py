"""``visual``: shot boundaries (cuts and gradual transitions), a keyframe per shot, faces.

Frames are decoded with PyAV and analysed with OpenCV. Boundaries come from the twin-comparison
method on HSV colour histograms: a large jump between neighbouring frames is a cut; a run of
moderate changes whose total against the frame before it reaches the cut level is a gradual
transition (dissolve, fade). Each shot's keyframe (a JPEG in the blob store) is taken a few
frames after its start; faces are found every half second with the Haar cascade that ships
with OpenCV. A unit is a batch of frames; the detector's state travels in the cursor, so a
resumed run finds the same boundaries as an uninterrupted one.
"""

from __future__ import annotations

import hashlib
import time
from collections.abc import Iterator

import numpy as np

from aima_desktop.domain.errors import BadInputError
from aima_desktop.domain.records import Event
from aima_desktop.modules.base import AnalysisModule, ModuleContext, Unit

CUT = 0.5  # Bhattacharyya distance between neighbouring frames
LOW = 0.1  # a change this large may begin a gradual transition
QUIET_FRAMES = 3  # this many small changes end a candidate transition
MIN_SHOT_S = 0.8  # PySceneDetect uses 15 frames
KEYFRAME_AFTER = 5  # frames after the boundary
FACE_EVERY_S = 0.5
ANALYSIS_SIZE = (160, 90)
WORK_WIDTH = 320  # frames are analysed at this width


def histogram(cv2, frame: np.ndarray) -> np.ndarray:
    small = cv2.resize(frame, ANALYSIS_SIZE, interpolation=cv2.INTER_AREA)
    hsv = cv2.cvtColor(small, cv2.COLOR_BGR2HSV)
    hist = cv2.calcHist([hsv], [0, 1, 2], None, [16, 8, 8], [0, 180, 0, 256, 0, 256]).ravel()
    return (hist / max(1.0, float(hist.sum()))).astype(np.float32)


class VisualModule(AnalysisModule):
    name = "visual"

    def prepare(self, ctx: ModuleContext) -> None:
        import cv2

        self.cv2 = cv2
        cascade = cv2.data.haarcascades + "haarcascade_frontalface_default.xml"
        self.faces = cv2.CascadeClassifier(cascade)
        if self.faces.empty():
            raise BadInputError(f"OpenCV's face detector is missing ({cascade})")
        ctx.report_device("cpu")

    def process(self, ctx: ModuleContext) -> Iterator[Unit]:
        import av

        state = dict(ctx.cursor or {"time": -1.0, "shot": 0, "shot_start": 0.0,
                                     "transition": "start", "next_face": 0.0})
        self._previous_hist = None
        started, frames_done = time.perf_counter(), 0
        try:
            container = av.open(ctx.media.path)
        except av.error.FFmpegError as exc:
            raise BadInputError("cannot be read as video", detail=str(exc)) from exc
        with container:
            if not container.streams.video:
                raise BadInputError("has no video track")
            stream = container.streams.video[0]
            stream.thread_type = "AUTO"
            fps = float(stream.average_rate or 25)
            batch = ctx.batch_size(250)  # frames per commit: 10 s at 25 fps ...
            if ctx.config.get("checkpoint_s"):  # ... unless the settings say otherwise
                batch = max(1, round(ctx.checkpoint_s(10.0, 1.0) * fps))
            if state["time"] > 0:
                container.seek(int(state["time"] / stream.time_base), stream=stream,
                               backward=True, any_frame=False)
            events: list[Event] = []
            blobs: dict[str, bytes] = {}
            pending = 0
            for frame in container.decode(stream):
                t = float(frame.time or 0.0)
                if t <= state["time"]:
                    continue  # before the cursor: done in an earlier run
                # Scaled in the same pass as the colour conversion: everything below works at
                # 320 pixels wide (keyframes, faces), histograms at 160.
                height = max(2, round(frame.height * WORK_WIDTH / frame.width / 2) * 2)
                image = frame.reformat(width=WORK_WIDTH, height=height, format="bgr24").to_ndarray()
                self._analyse(image, t, state, events, blobs)
                state["time"] = t
                pending += 1
                frames_done += 1
                if pending >= batch:
                    stats = {"frames": frames_done,
                             "fps": round(frames_done / (time.perf_counter() - started), 1)}
                    yield Unit(events, self._cursor(state), min(t, ctx.total_s) * 0.999, stats,
                               blobs)
                    events, blobs, pending = [], {}, 0
        end = max(state["time"], 0.0) + 1.0 / fps
        events.append(self._shot_event(state, min(end, ctx.total_s)))
        stats = {"frames": frames_done, "shots": state["shot"] + 1,
                 "fps": round(frames_done / max(1e-6, time.perf_counter() - started), 1)}
        yield Unit(events, {**self._cursor(state), "done": True}, ctx.total_s, stats, blobs)

    def _cursor(self, state: dict) -> dict:
        """The detector's state as JSON: the last histogram goes along only here, per unit."""
        hist = self._previous_hist
        return {**state, "hist": hist.tolist() if hist is not None else state.get("hist")}

    def _analyse(self, image: np.ndarray, t: float, state: dict, events: list[Event],
                 blobs: dict[str, bytes]) -> None:
        hist = histogram(self.cv2, image)
        previous = self._previous_hist
        if previous is None and state.get("hist") is not None:  # resumed: from the cursor
            previous = np.asarray(state["hist"], np.float32)
        if previous is not None:
            boundary = self._boundary(previous, hist, t, state)
            if boundary is not None and boundary - state["shot_start"] >= MIN_SHOT_S:
                kind = "cut" if boundary == t else "gradual"
                events.append(self._shot_event(state, boundary))
                state.update(shot=state["shot"] + 1, shot_start=boundary, transition=kind,
                             keyframe=None, frames_in_shot=0)
        self._previous_hist = hist
        state["frames_in_shot"] = state.get("frames_in_shot", 0) + 1
        if state.get("keyframe") is None and state["frames_in_shot"] > KEYFRAME_AFTER:
            data = self._jpeg(image)
            digest = hashlib.sha256(data).hexdigest()
            blobs[digest] = data
            state["keyframe"] = digest
        if t >= state["next_face"]:
            events += self._faces(image, t)
            state["next_face"] = t + FACE_EVERY_S

    def _boundary(self, previous: np.ndarray, hist: np.ndarray, t: float, state: dict) -> float | None:
        """Twin comparison: a cut now, a gradual transition that has just completed, or None."""
        change = float(self.cv2.compareHist(previous, hist, self.cv2.HISTCMP_BHATTACHARYYA))
        if change >= CUT:
            state.pop("candidate", None)
            state["settling"] = 0
            return t
        if "settling" in state:  # the rest of a transition just reported: wait for calm
            state["settling"] = state["settling"] + 1 if change < LOW else 0
            if state["settling"] >= QUIET_FRAMES:
                del state["settling"]
            return None
        candidate = state.get("candidate")
        if candidate is None:
            if change >= LOW:
                state["candidate"] = {"start": t, "reference": previous.tolist(), "quiet": 0}
            return None
        total = float(self.cv2.compareHist(np.asarray(candidate["reference"], np.float32), hist,
                                           self.cv2.HISTCMP_BHATTACHARYYA))
        if total >= CUT:
            state.pop("candidate")
            state["settling"] = 0
            return round((candidate["start"] + t) / 2, 3)
        candidate["quiet"] = candidate["quiet"] + 1 if change < LOW else 0
        if candidate["quiet"] >= QUIET_FRAMES:
            state.pop("candidate")
        return None

    def _shot_event(self, state: dict, end: float) -> Event:
        number = state["shot"] + 1
        return Event("shot", round(state["shot_start"], 3), round(end, 3), f"shot {number}",
                     {"keyframe": state.get("keyframe"), "transition": state["transition"]})

    def _jpeg(self, image: np.ndarray) -> bytes:
        ok, encoded = self.cv2.imencode(".jpg", image, [self.cv2.IMWRITE_JPEG_QUALITY, 80])
        return encoded.tobytes() if ok else b""

    def _faces(self, image: np.ndarray, t: float) -> list[Event]:
        """Faces as boxes relative to the frame (x, y, width, height in 0..1)."""
        grey = self.cv2.cvtColor(image, self.cv2.COLOR_BGR2GRAY)
        found = self.faces.detectMultiScale(grey, scaleFactor=1.1, minNeighbors=5, minSize=(24, 24))
        height, width = image.shape[:2]
        return [Event("face", round(t, 3), round(t + FACE_EVERY_S, 3), "face", {
            "box": [round(x / width, 4), round(y / height, 4), round(w / width, 4),
                    round(h / height, 4)]}) for x, y, w, h in found]
