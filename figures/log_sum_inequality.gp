# log_sum_inequality.gp -- written by log_sum_inequality; render with `gnuplot log_sum_inequality.gp` in this folder.
if (!exists("datafile")) datafile = 'log_sum_inequality.dat'
if (!exists("outfile")) outfile = 'log_sum_inequality.svg'
fig_w = 1800
fig_h = 600
# The one visual style of every figure (embedded into each figures/*.gp).
# fig_w and fig_h (pixels) are set by the script before this style.
# Okabe-Ito colours (safe for colour-blind readers), one font, light grid.
set terminal svg size fig_w,fig_h enhanced font 'DejaVu Sans,14' linewidth 1.4 background rgb 'white'
set encoding utf8
set border 3 lw 1 lc rgb '#404040'
set tics nomirror out scale 0.7
set grid lc rgb '#e0e0e0' lw 1 dt 1
set key opaque box lc rgb '#c0c0c0' samplen 2.5 spacing 1.2
set style fill transparent solid 0.22 noborder
set style line 1 lc rgb '#0072B2' lw 2.2 pt 7 ps 0.7
set style line 2 lc rgb '#D55E00' lw 2.2 pt 5 ps 0.7
set style line 3 lc rgb '#009E73' lw 2.2 pt 9 ps 0.8
set style line 4 lc rgb '#CC79A7' lw 2.2 pt 11 ps 0.8
set style line 5 lc rgb '#E69F00' lw 2.2 pt 13 ps 0.8
set style line 6 lc rgb '#56B4E9' lw 2.2 pt 3 ps 0.8
set style line 7 lc rgb '#000000' lw 1.6 dt 2
set style line 8 lc rgb '#999999' lw 1.2 dt 3
set output outfile
q1_true = 0.5
q1_seed = 0.1304347826
set multiplot layout 1,3 title 'The log-sum inequality (000 P6.2): joint convexity of KL and the stationary point of F'
set title 'Joint-convexity gap, 30 random pairs (n = 6)'
set xlabel 'mixing weight λ'
set ylabel 'λKL(P1||Q1) + (1-λ)KL(P2||Q2) - KL(mix||mix)'
set xrange [0:1]
set key top right
plot datafile index 0 using 1:2 with lines ls 1 lw 1.2 title 'gap (each pair)', \
     0 with lines ls 7 title 'zero'
set title 'F(q1) = RHS - LHS: minimum 0 where p1/q1 = p2/q2'
set xlabel 'q1'
set ylabel 'F'
set logscale x
set format x '10^{%L}'
set xrange [0.01:100]
set yrange [-0.1:3]
set key at graph 0.02, graph 0.98 left top
plot for [s=0:3] datafile index 1 using 1:($3 == s ? $2 : 1/0) with lines ls (s+1) title sprintf('setting %d', s+1), \
     '' index 2 using 1:2 with points pt 6 ps 2 lc rgb 'black' title 'q1 = p1 q2 / p2', \
     '' index 2 using 3:4 with points pt 2 ps 1.5 lc rgb '#D55E00' title 'Brent minimum', \
     0 with lines ls 8 notitle
set title "∂F/∂q1 (setting 1): the seed's line misses a factor λ"
set xlabel 'q1'
set ylabel '∂F/∂q1'
set xrange [0.1:10]
set yrange [-3:2.5]
set key at graph 0.98, graph 0.98 right top
set arrow 1 from q1_true, graph 0 to q1_true, graph 1 nohead ls 8
set arrow 2 from q1_seed, graph 0 to q1_seed, graph 1 nohead ls 8
set label 1 'p1/q1 = p2/q2' at q1_true, graph 0.06 offset 0.5,0
set label 2 'seed line = 0' at q1_seed, graph 0.06 offset 0.5,0
plot datafile index 3 using 1:2 with lines ls 1 title 'complex-step derivative (truth)', \
     '' index 3 using 1:3 with lines ls 2 dt 2 title '000 line as written', \
     0 with lines ls 7 notitle
unset multiplot
unset output
