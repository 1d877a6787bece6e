#!/usr/bin/env bash
# Build the PyInstaller bundle (dist/aima) and check that it works without the source tree:
# `aima --version`, `aima doctor`, and the desktop window started offscreen on the sample,
# which presses Start and runs the analysis with worker processes from the bundle itself.
#
#     packaging/build_bundle.sh            # core bundle (speech recognition), ~3 min
#     AIMA_BUNDLE=all packaging/build_bundle.sh   # + diarization and visual analysis
#
# It builds in a virtual environment of its own (build/bundle-venv) with only what the
# bundle holds.
set -euo pipefail
cd "$(dirname "$0")/.."
venv=build/bundle-venv
[ -x "$venv/bin/python" ] || python3 -m venv "$venv"
if [ "${AIMA_BUNDLE:-core}" = all ]; then
    "$venv/bin/pip" install -q ".[diarization,visual]" "pyinstaller>=6.10"
    # Resemblyzer pulls in the obsolete 'typing' backport, which PyInstaller refuses.
    "$venv/bin/pip" uninstall -q -y typing
else
    "$venv/bin/pip" install -q . "pyinstaller>=6.10"
fi
"$venv/bin/pyinstaller" --noconfirm --clean --log-level WARN --distpath dist \
    --workpath build/pyinstaller packaging/aima.spec
du -sh dist/aima

# The checks run in a scratch folder with a bare environment: no virtual environment, no
# PYTHONPATH, settings and caches of their own.
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
cp resources/samples/interview.mp4 "$scratch/"
run_bundle() {
    env -i PATH=/usr/bin:/bin HOME="$scratch" XDG_CONFIG_HOME="$scratch/config" \
        XDG_CACHE_HOME="$scratch/cache" XDG_STATE_HOME="$scratch/state" LANG=C.UTF-8 \
        QT_QPA_PLATFORM=offscreen "$@"
}
run_bundle dist/aima/aima --version
run_bundle dist/aima/aima doctor | tail -n 3
run_bundle dist/aima/aima settings set transcript_model tiny.en > /dev/null
result=$(cd "$scratch" && run_bundle AIMA_QUIT_WHEN_READY=analysed timeout 600 \
    "$OLDPWD/dist/aima/aima" open interview.mp4 | tail -n 1)
echo "$result"
case "$result" in
    *'"status": "completed"'*) echo "bundle check passed: the GUI ran the sample analysis" ;;
    *) echo "bundle check FAILED" >&2; exit 1 ;;
esac
run_bundle dist/aima/aima results "$scratch/interview.aima" --format srt | head -n 4
