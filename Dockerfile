# Build stage: the official Swift 6 image, dependencies resolved in a cached layer first.
# SWIFT_IMAGE: any official Swift 6 image on Debian bookworm (our toolchain is 6.3).
ARG SWIFT_IMAGE=swift:6.3-bookworm
FROM ${SWIFT_IMAGE} AS build
RUN apt-get update \
 && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends libsqlite3-dev zlib1g-dev pkg-config \
 && rm -rf /var/lib/apt/lists/*
WORKDIR /src
COPY Package.swift ./
RUN swift package resolve
# Every target's folder must exist for the manifest to load, so copy the whole tree (.dockerignore trims it).
COPY . .
RUN swift build -c release --static-swift-stdlib --product betakomm \
 && mkdir -p /staging \
 && cp "$(swift build -c release --show-bin-path)/betakomm" /staging/

# Run stage: a slim image with SQLite's shared library (SQLite stays dynamic), as a system user.
FROM debian:bookworm-slim
RUN apt-get update \
 && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends ca-certificates tzdata libsqlite3-0 zlib1g curl \
 && rm -rf /var/lib/apt/lists/* \
 && useradd --system --home-dir /var/lib/betakomm --create-home --shell /usr/sbin/nologin betakomm
WORKDIR /app
COPY --from=build /staging/betakomm /app/betakomm
COPY Migrations /app/Migrations
COPY Public /app/Public
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
HEALTHCHECK --interval=30s --timeout=3s --start-period=10s --retries=3 \
  CMD curl -fsS http://127.0.0.1:8080/health || exit 1
ENTRYPOINT ["/app/betakomm"]
CMD ["serve"]
