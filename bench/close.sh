# The bulk-close figure of bench/run: 100,000 guest sessions on Qumulo, closed by
# `sessions smb close --where is_guest=true --yes` and by Qumulo's own
# `qq smb_close_sessions --identity world:Everyone`, both in the vendor's batches of 100.
# Sourced by bench/run, not run alone (it uses bench/run's helpers and variables): run it with
# `ONLY=CLOSE bench/run`.
#
# A close uses its sessions up, so each run has a simulator of its own (`--sessions 0
# --qumulo-guests 100000 --request-log`), and hyperfine, which repeats one command, is not
# used: each run is timed from start to exit (the listing, the preview, every batch), and the
# simulator's request log gives the close phase alone (from the first close request to the
# last). Both contenders get the same sessions (one seed), and both are checked to have closed
# all 100,000 (the simulator's change log). Its own table, between the BENCH-CLOSE markers.
say "Bulk close: Qumulo 100,000 guest sessions"
close_runs=${QUICK:+1}
close_runs=${close_runs:-3}
guests=100000
load_close_before=$(cut -d' ' -f1-3 /proc/loadavg)

# close_sim NAME: a fresh simulator of $guests guest sessions; sets cdir to its run's directory
close_sim() {
    start_sim "$1" 0 120 --qumulo-guests "$guests" --request-log
    cdir="$out/$1/sim.d"
}

# close_check NAME: every session closed, by the simulator's change log; prints "WALL CLOSE",
# the seconds from start to exit and of the close phase (its request log)
close_check() {
    local closed
    closed=$(grep -c '"by":"client"' "$cdir/changes.ndjson" || true)
    expect "bulk close $1 (sessions closed)" "$closed" "$guests"
    awk -v wall="$2" '$1 == "smb" && $2 == "POST" && $3 == "/v1/smb/sessions/close" {
            if (first == "") first = $4; last = $4; n++ }
        END { if (n != '"$guests"' / 100) { print "batches: " n > "/dev/stderr"; exit 1 }
            printf "%s %.3f\n", wall, (last - first) / 1000 }' "$cdir/requests.log" \
        || die "bulk close $1: the request log does not show $((guests / 100)) batches of 100"
}

# now_s: seconds since the epoch, with nanoseconds
now_s() { date +%s.%N; }

rm -f "$out/close-ours.runs" "$out/close-qq.runs"
for i in $(seq "$close_runs"); do
    close_sim "close-ours-$i"
    t0=$(now_s)
    "$bin" -c "$out/close-ours-$i/sim.toml" smb close --where is_guest=true --yes >/dev/null 2>"$out/close-ours-$i/close.err" \
        || die "sessions smb close failed: $(tail -n 2 "$out/close-ours-$i/close.err")"
    t1=$(now_s)
    close_check "ours-$i" "$(awk -v a="$t0" -v b="$t1" 'BEGIN { print b - a }')" >>"$out/close-ours.runs"
    cleanup
    sims=()

    close_sim "close-qq-$i"
    c_url=$(sim_get "close-qq-$i" smb url)
    c_port=${c_url##*:}
    c_host=${c_url#https://}
    c_host=${c_host%:*}
    qqc=("$qq" --host "$c_host" --port "$c_port" --credentials-store "$out/close-qq-$i/qq-cred")
    HOME=$qqhome "${qqc[@]}" login -u "$(sim_get "close-qq-$i" smb username)" \
        -p "$(sim_get "close-qq-$i" smb password)" >/dev/null || die "qq login to the simulator failed"
    t0=$(now_s)
    # qq asks yes/no before closing, on stdin.
    echo yes | HOME=$qqhome "${qqc[@]}" smb_close_sessions --identity world:Everyone >/dev/null \
        || die "qq smb_close_sessions failed"
    t1=$(now_s)
    close_check "qq-$i" "$(awk -v a="$t0" -v b="$t1" 'BEGIN { print b - a }')" >>"$out/close-qq.runs"
    cleanup
    sims=()
done
load_close_after=$(cut -d' ' -f1-3 /proc/loadavg)

# close_median FILE FIELD: the median of a column of a .runs file
close_median() {
    sort -n -k"$2" "$1" | awk -v f="$2" '{ v[NR] = $f } END { print v[int((NR + 1) / 2)] }'
}
# per_s SECONDS: sessions a second
per_s() { awk -v s="$1" -v n="$guests" 'BEGIN { printf "%.0f", n / s }'; }
c_wall=$(close_median "$out/close-ours.runs" 1) c_phase=$(close_median "$out/close-ours.runs" 2)
q_wall=$(close_median "$out/close-qq.runs" 1) q_phase=$(close_median "$out/close-qq.runs" 2)
c_rate=$(per_s "$c_wall") q_rate=$(per_s "$q_wall")
close_versions=$("$py" -c 'import sys; from importlib.metadata import version as v; print("qumulo-api %s, Python %s" % (v("qumulo-api"), sys.version.split()[0]))')
cs="Qumulo 100,000 guest sessions closed"
close_table=$(cat <<MD
Measured on $(date -u +%Y-%m-%d) with \`${QUICK:+QUICK=1 }${ONLY:+ONLY=$ONLY }bench/run\` ($(machine)${BENCH_NOTE:+; $BENCH_NOTE}).
Load average (1, 5, 15 min) $load_close_before before and $load_close_after after: the
machine is shared, and wall time on it is noisy, so these figures are rough (upper bounds for
both contenders). Contender: $close_versions.
Each run closes 100,000 guest sessions on a fresh simulator (\`--sessions 0 --qumulo-guests
100000\`): it lists them, chooses, and sends them back in 1,000 batches of 100, one at a time,
as \`qq\` does. "whole run" is from start to exit; "close phase" is from the first close
request to the last, by the simulator's request log. Medians of $close_runs runs.

| scenario | contender | whole run | sessions/s | close phase | sessions/s (close phase) |
|---|---|---|---|---|---|
| $cs | \`sessions smb close --where is_guest=true --yes\` | $(fmt_ms "$(awk -v s="$c_wall" 'BEGIN { print s * 1000 }')") | $c_rate | $(fmt_ms "$(awk -v s="$c_phase" 'BEGIN { print s * 1000 }')") | $(per_s "$c_phase") |
| $cs | \`qq smb_close_sessions --identity world:Everyone\` (answering yes) | $(fmt_ms "$(awk -v s="$q_wall" 'BEGIN { print s * 1000 }')") | $q_rate | $(fmt_ms "$(awk -v s="$q_phase" 'BEGIN { print s * 1000 }')") | $(per_s "$q_phase") |

- Sessions closed a second, whole run: \`sessions\` $c_rate, \`qq\` $q_rate
  ($(x "$(ratio "$q_wall" "$c_wall")") in \`sessions\`'s favour).
MD
)
write_section BENCH-CLOSE "$close_table"
echo "$close_table"
