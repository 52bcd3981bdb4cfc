#!/bin/bash
# The model's training on a lent GPU, in three steps (models/train/README.md,
# "On a lent GPU"); run from the project root.
#
#   models/train/gpu.sh prepare           # here: vocabulary, token cache and data into .device/
#   models/train/gpu.sh run [ARGS]        # there, with .device carried: pre-training and
#                                         # fine-tuning; checkpoints and log into $OUT
#   models/train/gpu.sh collect DIR MODEL # here, DIR = the files from $OUT: export to MODEL,
#                                         # lowest score and evaluation on the CPU
#
# The GPU machine cannot see ../shared/data, so `prepare` packs what the run
# reads into .device/ (gitignored); it and the checkout must stay under the
# 64 MiB a device call carries. ARGS go to train.py (--pretrain-minutes,
# --finetune-minutes, --device cpu for a dry run here). $PYTHON names a
# python3 with torch (/usr/bin/python3 here; the GPU machine's own python3).
set -euo pipefail

prepared=.device/prepared # vocabulary and token cache; never trained in, so that it travels clean
data=${BELNER_DATA_DIR:-../shared/data}
py=${PYTHON:-python3}

# the vocabulary and pre-training text of train.py's GPU settings
prepare() {
	mkdir -p "$prepared"
	[ -s "$prepared/vocab.txt" ] ||
		"$py" models/train/wordpiece.py --data-dir "$data" --out "$prepared/vocab.txt" --vocab-size 16000 --synth 3000
	[ -s "$prepared/pretrain_ids.npz" ] ||
		"$py" models/train/pretrain.py --run "$prepared" --data-dir "$data" --synth 2000 --cache-only
	# the evaluation-only corpora stay here: the run chooses nothing
	[ -s .device/data.tar.xz ] ||
		XZ_OPT=-9 tar -C "$(dirname "$data")" -cJf .device/data.tar.xz \
			--exclude=ner/conll2002 --exclude=ner/wikiann --exclude=ner/wikineural "$(basename "$data")"
	du -ch .device/data.tar.xz "$prepared"/* | tail -1
}

run() {
	: "${OUT:?OUT must name the folder whose files come back}"
	local tmp run status=0
	tmp=$(mktemp -d)
	# train.py skips a stage whose output exists: start from the prepared files only
	run=$tmp/run
	mkdir "$run"
	cp "$prepared/vocab.txt" "$prepared/pretrain_ids.npz" "$run/"
	"$py" -c 'import sys, tarfile; tarfile.open(sys.argv[1]).extractall(sys.argv[2])' .device/data.tar.xz "$tmp"
	{
		"$py" -c 'import torch; print("torch", torch.__version__, torch.cuda.get_device_name(0) if torch.cuda.is_available() else "no GPU")'
		PYTHONUNBUFFERED=1 "$py" models/train/train.py --gpu --device cuda --data-dir "$tmp/$(basename "$data")" \
			--run "$run" --out "$tmp/model" --steps pretrain,finetune "$@"
	} 2>&1 | tee "$OUT/train.log" || status=$?
	# what was made comes back even when a later stage failed; a file comes
	# back only under 16 MiB, so the checkpoints travel in parts
	[ ! -f "$run/finetune_summary.json" ] || cp "$run/finetune_summary.json" "$OUT/"
	for ckpt in pretrained finetuned; do
		[ ! -f "$run/$ckpt.pt" ] || split -b 15M -d "$run/$ckpt.pt" "$OUT/$ckpt.pt.part"
	done
	ls -l "$OUT"
	return "$status"
}

collect() {
	local from=${1:?the folder of the files from \$OUT} model=${2:?the model directory to write}
	local run=models/train/runs/gpu # not under .device, which travels
	mkdir -p "$run"
	cp "$prepared/vocab.txt" "$run/"
	cat "$from"/finetuned.pt.part* >"$run/finetuned.pt"
	cat "$from"/pretrained.pt.part* >"$run/pretrained.pt"
	cp "$from/train.log" "$run/gpu.log"
	cp "$from/finetune_summary.json" "$run/"
	"$py" models/train/train.py --gpu --data-dir "$data" --run "$run" --out "$model" \
		--steps export,common_words,places,min_score,evaluate
}

case ${1:-} in
prepare | run | collect)
	cmd=$1
	shift
	"$cmd" "$@"
	;;
*)
	echo "usage: $0 prepare | run [train.py args] | collect FROM MODEL" >&2
	exit 2
	;;
esac
