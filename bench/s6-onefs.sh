# S6 of bench/run: PowerScale (OneFS 9.5), 10,000 sessions to JSON, beside Dell's isilon-sdk.
# Sourced by bench/run, not run alone (it uses bench/run's helpers and variables): run it with
# `ONLY=S6 bench/run`.
#
# Its own table (between the BENCH-ONEFS markers), so that `ONLY=S6 bench/run` leaves the other
# scenarios' figures alone. The simulator's resume tokens are stateless (the cursor and a check,
# nothing kept on the server: crates/simulator/src/onefs/token.rs), so the page URLs that
# `sessions -v` requested can be fetched again by curl: the floor is the same 10 GETs.
say "S6 PowerScale (OneFS 9.5) 10,000 to JSON"
load_before=$(cut -d' ' -f1-3 /proc/loadavg)
start_sim s6 10000 20 --onefs-version 9.5
cfg6="$out/s6/sim.toml"
f_url=$(sim_get s6 onefs url)
f_user=$(sim_get s6 onefs username)
f_ca=$(sim_get s6 onefs ca_cert)
ONEFS_PASSWORD=$(sim_get s6 onefs password)
export ONEFS_PASSWORD # read by bench/onefs_sdk.py
sdk=("$py" "$root/bench/onefs_sdk.py" "$f_url" "$f_user" "$f_ca")

"$bin" -c "$cfg6" onefs -o json --page-size 1000 >"$out/s6-ours.json"
expect "S6 sessions onefs -o json" "$(count_json_array "$out/s6-ours.json")" 10000
expect "S6 onefs_sdk.py (one session a line)" "$("${sdk[@]}" | wc -l)" 10000
rm -f "$out/s6-ours.json"

page_urls "$cfg6" onefs -o json --page-size 1000 | grep '/protocols/smb/sessions' >"$out/s6-urls.txt" || true
expect "S6 page URLs" "$(wc -l <"$out/s6-urls.txt")" 10
grep -q 'resume=' "$out/s6-urls.txt" || die "S6: sessions did not follow resume"
curl_floor s6-curl "$f_ca" "user = \"$f_user:$ONEFS_PASSWORD\"" "$out/s6-urls.txt"

hf s6-ours "$runs" 1 "$bin" -c "$cfg6" onefs -o json --page-size 1000
rss_s6=$(peak_rss_mb "$bin" -c "$cfg6" onefs -o json --page-size 1000)
hf s6-sdk "$py_runs" 1 "${sdk[@]}"
rss_s6_sdk=$(peak_rss_mb "${sdk[@]}")
floor_runs s6-curl "$out/s6-curl.curl"
rss_s6_curl=$(peak_rss_mb curl -K "$out/s6-curl.curl")
load_after=$(cut -d' ' -f1-3 /proc/loadavg)
cleanup
sims=()

m_s6=$(median_ms "$out/s6-ours.json") m_s6_sdk=$(median_ms "$out/s6-sdk.json")
m_s6_curl=$(median_ms "$out/s6-curl.json") spread_s6=$(floor_spread s6-curl)
s6_sdk=$(ratio "$m_s6_sdk" "$m_s6")
s6_floor=$(ratio "$m_s6" "$m_s6_curl")
s6_versions=$("$py" -c 'import sys; from importlib.metadata import version as v; print("isilon-sdk %s (its v9_5_0 API), Python %s" % (v("isilon-sdk"), sys.version.split()[0]))')
s6="S6 PowerScale 10,000 → JSON"
s6_table=$(cat <<MD
Measured on $(date -u +%Y-%m-%d) with \`${QUICK:+QUICK=1 }${ONLY:+ONLY=$ONLY }bench/run\` ($(machine)${BENCH_NOTE:+; $BENCH_NOTE}).
Load average (1, 5, 15 min) $load_before before S6 and $load_after after it: the machine is
shared, so these figures are upper bounds for \`sessions\`.
Contenders: $s6_versions; $(curl --version | head -n 1 | cut -d' ' -f1,2); $(hyperfine --version).
The simulator runs \`--onefs-version 9.5\` (the grouped \`/platform/11\` list) with 10,000
sessions over its nodes, read in pages of 1,000 following \`resume\`. In each run \`sessions\`
logs in with the session cookie, probes \`/platform/latest\`, lists and logs out (the simulator's
profile keeps no token cache); \`bench/onefs_sdk.py\` (Dell's SDK, \`ProtocolsApi.get_smb_sessions\`)
logs in with the session cookie too and prints one JSON object a session. The curl floor fetches
the same 10 page URLs (collected from \`sessions -v\`; the tokens are stateless, so they can be
fetched again) over one kept-alive connection with Basic authentication: no login, probe or
logout. Medians (hyperfine) of $runs runs for \`sessions\` and curl, $py_runs for the SDK; peak
RSS from \`/usr/bin/time -v\`; "ratio vs ours" as in the table above.

| scenario | contender | median | ratio vs ours | peak RSS |
|---|---|---|---|---|
| $s6 | \`sessions onefs -o json --page-size 1000\` | $(fmt_ms "$m_s6") | 1.00× | $(mb "$rss_s6") |
| $s6 | isilon-sdk \`get_smb_sessions\`, every page (\`bench/onefs_sdk.py\`) | $(fmt_ms "$m_s6_sdk") | $(x "$s6_sdk") | $(mb "$rss_s6_sdk") |
| $s6 | curl floor (the same 10 GETs; 3 × $runs runs) | $(fmt_ms "$m_s6_curl") | $(x "$(ratio "$m_s6_curl" "$m_s6")") | $(mb "$rss_s6_curl") |

- \`sessions\` is $(x "$s6_sdk") faster than Dell's SDK, and takes $(x "$s6_floor") the curl
  floor's time (S2's bounds, 10× and 1.3×, are not targets here).
- The curl floor is stable (its three batches' medians within 10% of each other):
  $(verdict le "$spread_s6" 10) (${spread_s6}%).
MD
)
write_section BENCH-ONEFS "$s6_table"
echo "$s6_table"
