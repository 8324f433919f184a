#!/bin/sh
# Fails if any file under core/ includes a Qt header (<QString>, <QtCore/...>, "qcustomplot.h").
dir=${1:?usage: check_core_no_qt.sh CORE_DIR}
hits=$(grep -rnE '^[[:space:]]*#[[:space:]]*include[[:space:]]*[<"](Q[A-Za-z]|Qt[A-Za-z]*/|qcustomplot)' "$dir")
if [ -n "$hits" ]; then
    echo "core/ must not include Qt headers:"
    echo "$hits"
    exit 1
fi
echo "core/: no Qt includes in $(find "$dir" -name '*.h' -o -name '*.cpp' | wc -l) files"
