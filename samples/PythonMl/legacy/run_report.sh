#!/bin/sh
# Nightly job: regenerate the maintenance report from the latest export.
set -e
cd "$(dirname "$0")"
python3 main.py data/maintenance.csv --folds 5 > report.txt
echo "report written to $(pwd)/report.txt"
