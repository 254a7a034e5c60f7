# Build stage: the official Swift 6 image, dependencies resolved in a cached layer first.
# SWIFT_IMAGE: any official Swift 6 image on Debian bookworm (our toolchain is 6.3).
ARG SWIFT_IMAGE=swift:6.3-bookworm
FROM ${SWIFT_IMAGE} AS build
RUN apt-get update \
 && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends libsqlite3-dev zlib1g-dev pkg-config \
 && rm -rf /var/lib/apt/lists/*
WORKDIR /src
# Package.* picks up Package.resolved too when the repository commits it (pinned versions).
COPY Package.* ./
RUN swift package resolve
# Every target's folder must exist for the manifest to load, so copy the whole tree (.dockerignore trims it).
COPY . .
# Stage the binary with Migrations/ and Public/ (the dashboard; an empty folder if absent, since
# COPY of a missing path would fail the build).
RUN swift build -c release --static-swift-stdlib --product betakomm \
 && mkdir -p /staging/Public \
 && cp "$(swift build -c release --show-bin-path)/betakomm" /staging/ \
 && cp -R Migrations /staging/Migrations \
 && if [ -d Public ]; then cp -R Public/. /staging/Public/; fi

# Run stage: a slim image with SQLite's shared library (SQLite stays dynamic), as a system user.
FROM debian:bookworm-slim
RUN apt-get update \
 && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends ca-certificates tzdata libsqlite3-0 zlib1g curl \
 && rm -rf /var/lib/apt/lists/* \
 && useradd --system --home-dir /var/lib/betakomm --create-home --shell /usr/sbin/nologin betakomm
WORKDIR /app
COPY --from=build /staging /app
# Migrations and the dashboard are read-only for the service user.
RUN chown -R root:root /app && chmod -R a-w,a+rX /app
USER betakomm
VOLUME ["/var/lib/betakomm"]
ENV BETAKOMM_HOST=0.0.0.0 \
    BETAKOMM_PORT=8080 \
    BETAKOMM_DB=/var/lib/betakomm/betakomm.sqlite \
    BETAKOMM_MIGRATIONS=/app/Migrations \
    BETAKOMM_PUBLIC=/app/Public \
    BETAKOMM_LOG_FORMAT=json
EXPOSE 8080
# SIGTERM starts a graceful shutdown bounded by BETAKOMM_SHUTDOWN_TIMEOUT (8 s), inside Docker's
# default 10 s grace period, so the final WAL checkpoint happens before any SIGKILL.
STOPSIGNAL SIGTERM
HEALTHCHECK --interval=30s --timeout=3s --start-period=10s --retries=3 \
  CMD curl -fsS http://127.0.0.1:8080/health || exit 1
ENTRYPOINT ["/app/betakomm"]
CMD ["serve"]
