#!/bin/sh
# figure_blank.sh -e "datafile='D'; outfile='O'" SCRIPT -- stands in for
# gnuplot (GNUPLOT=tools/figure_blank.sh) where the figures are thrown away,
# as in calibration runs: it writes an empty, complete SVG to O.  Verdicts
# never depend on figures, and rendering is a large part of a quick run.
out=${2#*outfile=\'}; out=${out%%\'*}
printf '<svg xmlns="http://www.w3.org/2000/svg">\n<!-- blank: not drawn -->\n</svg>\n' > "$out"
