#!/usr/bin/env bash
# Makes the spoken-answer fixture of the voice specs and the VAD test: three espeak-ng sentences separated by
# pauses, as 16 kHz mono 16-bit WAV, and a JSON file with each sentence's text and time in the file.
# Needs espeak-ng and sox (Debian: apt-get install espeak-ng sox). The output is committed: CI has neither tool.
# Usage: web/scripts/make-speech-fixtures.sh   (from the repository root)
set -euo pipefail

out="web/src/lib/speech/stt/testdata"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT

sentences=(
  "I led the move of our billing service to an event pipeline."
  "It cut failed invoices by half within one quarter."
  "Next I would add idempotency keys to every retry."
)
lead=0.6
gap=1.5
tail=2.5
rate=16000

silence() { sox -n -r "$rate" -c 1 -b 16 "$1" trim 0 "$2"; }

silence "$tmp/lead.wav" "$lead"
silence "$tmp/gap.wav" "$gap"
silence "$tmp/tail.wav" "$tail"

parts=("$tmp/lead.wav")
json_sentences=""
at="$lead"
for i in "${!sentences[@]}"; do
  text="${sentences[$i]}"
  espeak-ng -v en-us -s 155 -w "$tmp/raw$i.wav" "$text"
  # 16 kHz mono, the leading and trailing silence espeak adds trimmed off, peak at -3 dBFS.
  sox "$tmp/raw$i.wav" -r "$rate" -c 1 -b 16 "$tmp/s$i.wav" silence 1 0.02 0.5% reverse silence 1 0.02 0.5% reverse norm -3
  duration="$(soxi -D "$tmp/s$i.wav")"
  end="$(echo "$at + $duration" | bc -l)"
  json_sentences+="$(printf '%s{ "text": "%s", "start": %.4f, "end": %.4f }' "${json_sentences:+,
    }" "$text" "$at" "$end")"
  parts+=("$tmp/s$i.wav")
  if [ "$i" -lt $((${#sentences[@]} - 1)) ]; then
    parts+=("$tmp/gap.wav")
    at="$(echo "$end + $gap" | bc -l)"
  fi
done
parts+=("$tmp/tail.wav")

sox "${parts[@]}" "$out/answer.wav"
total="$(soxi -D "$out/answer.wav")"
cat > "$out/answer.json" <<JSON
{
  "sampleRate": $rate,
  "seconds": $total,
  "sentences": [
    $json_sentences
  ]
}
JSON
echo "wrote $out/answer.wav ($(soxi -D "$out/answer.wav") s) and $out/answer.json"
