#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# Regenerates the TPM quote fixtures from a software TPM (swtpm + tpm2-tools), so the parser is
# tested against bytes a real TPM 2.0 implementation (libtpms) produced, not only against our
# own builder. CI does not run this; the produced files are committed as data.
#
# Needs: swtpm, tpm2-tools (with the swtpm TCTI), xxd, od. Listens on 127.0.0.1 only.
# Usage: tests/data/tpm/make-fixtures.sh [output-dir]   (default: the script's own folder)
set -euo pipefail

out="$(cd "${1:-$(dirname "$0")}" && pwd)"
work="$(mktemp -d)"
swtpmPid=""

cleanup() {
    if [[ -n "$swtpmPid" ]] && kill -0 "$swtpmPid" 2>/dev/null; then
        kill "$swtpmPid" 2>/dev/null || true
        wait "$swtpmPid" 2>/dev/null || true
    fi
    rm -rf "$work"
}
trap cleanup EXIT

# A free pair of loopback ports: data on $port, control on $port+1.
port=""
for _ in $(seq 1 50); do
    candidate=$((20000 + RANDOM % 20000))
    if ! (echo >"/dev/tcp/127.0.0.1/$candidate") 2>/dev/null \
        && ! (echo >"/dev/tcp/127.0.0.1/$((candidate + 1))") 2>/dev/null; then
        port=$candidate
        break
    fi
done
[[ -n "$port" ]] || { echo "no free loopback port pair" >&2; exit 1; }

mkdir -p "$work/state"
swtpm socket --tpm2 --tpmstate "dir=$work/state" \
    --server "type=tcp,port=$port,bindaddr=127.0.0.1" \
    --ctrl "type=tcp,port=$((port + 1)),bindaddr=127.0.0.1" \
    --flags not-need-init --log "file=$work/swtpm.log" &
swtpmPid=$!

export TPM2TOOLS_TCTI="swtpm:host=127.0.0.1,port=$port"
for _ in $(seq 1 50); do
    (echo >"/dev/tcp/127.0.0.1/$port") 2>/dev/null && break
    sleep 0.1
done

# Without a resource manager every tool leaves the objects it loaded in the TPM; flush them
# after each step so its few object slots do not run out (saved contexts reload on demand).
run() {
    echo "+ $*" >>"$work/commands.log"
    "$@"
    if [[ "$1" != tpm2_startup ]]; then
        tpm2_flushcontext -t
        tpm2_flushcontext -s
    fi
}

run tpm2_startup -c

# Measurements: a few PCRs extended in both banks, PCR 3 left at its reset value (zeros).
sha256Of() { printf '%s' "$1" | sha256sum | cut -d' ' -f1; }
sha1Of() { printf '%s' "$1" | sha1sum | cut -d' ' -f1; }
for entry in "0:firmware" "1:firmware-config" "2:option-roms" "16:debug"; do
    pcr="${entry%%:*}"
    what="${entry#*:}"
    run tpm2_pcrextend "$pcr:sha256=$(sha256Of "$what"),sha1=$(sha1Of "$what")"
done
run tpm2_pcrextend "16:sha256=$(sha256Of debug-2),sha1=$(sha1Of debug-2)"

run tpm2_createprimary -C o -g sha256 -G ecc -c "$work/primary.ctx" >/dev/null

digestSize() {
    case "$1" in
    sha1) echo 20 ;;
    sha256) echo 32 ;;
    sha384) echo 48 ;;
    sha512) echo 64 ;;
    *) echo "unknown bank $1" >&2; exit 1 ;;
    esac
}

# Writes pcrs.json in DESIGN's evidence shape ({"sha256":{"0":"hex",...}}) from the values
# tpm2_quote read (-F values: the selected PCR values concatenated in selection order).
writePcrsJson() {
    local selection="$1" values="$2" target="$3"
    local hex offset=0 firstBank=1
    hex="$(xxd -p -c 100000 "$values" | tr -d '\n')"
    {
        printf '{'
        IFS='+' read -ra banks <<<"$selection"
        for bankSpec in "${banks[@]}"; do
            local bank="${bankSpec%%:*}" size firstPcr=1
            size=$(digestSize "$bank")
            [[ $firstBank -eq 1 ]] || printf ','
            firstBank=0
            printf '"%s":{' "$bank"
            IFS=',' read -ra indices <<<"${bankSpec#*:}"
            # The TPM reports a bank's PCRs in ascending index order, whatever order -l used.
            mapfile -t sorted < <(printf '%s\n' "${indices[@]}" | sort -n)
            for idx in "${sorted[@]}"; do
                [[ $firstPcr -eq 1 ]] || printf ','
                firstPcr=0
                printf '"%s":"%s"' "$idx" "${hex:$((offset * 2)):$((size * 2))}"
                offset=$((offset + size))
            done
            printf '}'
        done
        printf '}\n'
    } >"$target"
    [[ $((offset * 2)) -eq ${#hex} ]] || { echo "PCR values size mismatch" >&2; exit 1; }
}

# makeFixture NAME KEY-ALG PCR-SELECTION SIG-HASH SIG-SCHEME
makeFixture() {
    local name="$1" alg="$2" selection="$3" hash="$4" scheme="$5"
    local dir="$out/$name" nonce
    mkdir -p "$dir"
    nonce="$(od -An -tx1 -N16 /dev/urandom | tr -d ' \n')"
    run tpm2_create -C "$work/primary.ctx" -G "$alg" \
        -a "fixedtpm|fixedparent|sensitivedataorigin|userwithauth|restricted|sign" \
        -u "$work/$name.pub" -r "$work/$name.priv" >/dev/null
    run tpm2_load -C "$work/primary.ctx" -u "$work/$name.pub" -r "$work/$name.priv" \
        -c "$work/$name.ctx" >/dev/null
    run tpm2_readpublic -c "$work/$name.ctx" -f pem -o "$dir/ak.pem" >/dev/null
    # -f tss (the default, spelled out): the signature file is a marshalled TPMT_SIGNATURE.
    run tpm2_quote -c "$work/$name.ctx" -l "$selection" -q "$nonce" -g "$hash" --scheme "$scheme" \
        -m "$dir/quote.msg" -s "$dir/quote.sig" -f tss -o "$work/$name.pcrs" -F values >/dev/null
    printf '%s\n' "$nonce" >"$dir/nonce.hex"
    writePcrsJson "$selection" "$work/$name.pcrs" "$dir/pcrs.json"
    # The quote names its signer by the AK's qualified name; kept to check the parsed field.
    run tpm2_readpublic -c "$work/$name.ctx" | sed -n 's/^qualified name: //p' >"$dir/qualified-name.hex"
}

makeFixture ecc ecc256:ecdsa-sha256:null "sha256:0,1,2,3,16" sha256 ecdsa
makeFixture rsa rsa2048:rsassa-sha256:null "sha256:0,1,2,3,16" sha256 rsassa
makeFixture rsapss rsa2048:rsapss-sha256:null "sha256:0,1,2,3,16" sha256 rsapss
# Two banks in one quote: the TPM hashes the concatenated values of all banks with the
# signing scheme's hash (here sha256), not with each bank's own hash.
makeFixture ecc-two-banks ecc256:ecdsa-sha256:null "sha1:0,2+sha256:1,16" sha256 ecdsa

{
    echo "# Produced by make-fixtures.sh on $(date -u +%Y-%m-%dT%H:%M:%SZ)"
    echo "# $(swtpm --version 2>&1 | head -1)"
    echo "# $(tpm2_quote --version 2>&1 | head -1)"
    cat "$work/commands.log" | sed "s|$work|\$WORK|g"
} >"$out/PROVENANCE.txt"
echo "fixtures written to $out"
