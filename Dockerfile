# syntax=docker/dockerfile:1
#
# belner with the ONNX Runtime backend, the shipped model and nothing else:
# no network at run time, a non-root numeric user, a read-only root
# filesystem (nothing is written at run time; see docs/operations.md,
# "Container").
#
#   docker build -t belner .
#   docker run --read-only --tmpfs /tmp -p 8080:8080 belner
#
# No Docker engine runs in our CI: scripts/container-build.sh performs these
# steps outside Docker (same versions, read from the ARG lines below, same
# commands and flags, same file layout) and smoke-tests the result as this
# image runs it; cmd/belner/container_test.go fails when the two drift.
# Change a version here, nowhere else (ORT_VERSION must also be
# scripts/ort.sh's default; GO_VERSION go.mod's go directive).

# Go toolchain of the build: go.mod's go directive.
ARG GO_VERSION=1.26.8
# Debian release of every stage: the build's glibc is the runtime's.
ARG DEBIAN_RELEASE=bookworm
# Node.js image that only fetches the npm package (its npm version does not
# change the package's bytes; npm checks them against the registry).
ARG NODE_VERSION=24
# onnxruntime-node, whose libonnxruntime.so.1 the ORT backend loads.
ARG ORT_VERSION=1.23.2
# sha256 of that libonnxruntime.so.1 (bin/napi-v6/linux/x64).
ARG ORT_LIB_SHA256=733854c3d7ce45256cc1c22cd4a30373247e1f7b7de8f40beab24211ef8e2a76

# --- ONNX Runtime shared library, from npm (scripts/ort.sh) ---------------
FROM node:${NODE_VERSION}-${DEBIAN_RELEASE}-slim AS ort
ARG ORT_VERSION
ARG ORT_LIB_SHA256
COPY scripts/ort.sh /src/scripts/ort.sh
RUN dir="$(ORT_VERSION="${ORT_VERSION}" ORT_DIR=/ort /src/scripts/ort.sh)" \
 && echo "${ORT_LIB_SHA256}  ${dir}/libonnxruntime.so.1" | sha256sum -c - \
 && mkdir -p /opt/belner/lib \
 && cp "${dir}/libonnxruntime.so.1" /opt/belner/lib/libonnxruntime.so.1 \
 && ln -s libonnxruntime.so.1 /opt/belner/lib/libonnxruntime.so

# --- belner, built with -tags ORT (cgo) -----------------------------------
FROM golang:${GO_VERSION}-${DEBIAN_RELEASE} AS build
ENV CGO_ENABLED=1 GOTOOLCHAIN=local
WORKDIR /src
COPY go.mod go.sum ./
COPY third_party/ third_party/
# The caches hold downloaded modules and compiled packages, looked up by
# content: they speed up a rebuild without changing what it builds.
RUN --mount=type=cache,target=/go/pkg/mod \
    go mod download
COPY . .
RUN --mount=type=cache,target=/go/pkg/mod \
    --mount=type=cache,target=/root/.cache/go-build \
    go build -tags ORT -trimpath -buildvcs=false -ldflags='-s -w' -o /out/belner ./cmd/belner

# --- runtime --------------------------------------------------------------
# debian:bookworm-slim rather than distroless/cc: libonnxruntime.so.1 needs
# libstdc++.so.6 and libgcc_s.so.1, which bookworm-slim is sure to hold, at
# the versions the build linked against and the CI smoke test runs on.
FROM debian:${DEBIAN_RELEASE}-slim
COPY --from=ort /opt/belner/lib/ /opt/belner/lib/
COPY --from=build /out/belner /usr/local/bin/belner
# The model as files, so that nothing is extracted at start (the binary also
# embeds it, for `go run`; BELNER_MODEL makes it read these).
COPY models/belner-ner/ /opt/belner/model/
ENV BELNER_MODEL=/opt/belner/model
ENV BELNER_BACKEND=ort
ENV BELNER_ORT_LIB=/opt/belner/lib
USER 65532:65532
WORKDIR /
EXPOSE 8080
# /readyz answers 200 once the model is loaded; probe needs no curl, no
# shell, no network beyond loopback.
HEALTHCHECK --interval=10s --timeout=5s --start-period=60s --retries=3 \
    CMD ["/usr/local/bin/belner", "probe"]
ENTRYPOINT ["/usr/local/bin/belner"]
CMD ["serve"]
