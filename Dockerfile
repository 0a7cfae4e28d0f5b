# syntax=docker/dockerfile:1
#
# One image recipe for every Steward deployable. Pick the module with a build arg:
#
#   docker build --build-arg MODULE=workers        -t steward-workers .
#   docker build --build-arg MODULE=api            -t steward-api .
#   docker build --build-arg MODULE=gateway-bridge -t steward-gateway-bridge .
#
# docker-compose.yml does this for you (`docker compose build`). BuildKit is required for the cache
# mount below; it is the default builder of current Docker releases.

# No default on purpose: building without --build-arg MODULE=... fails with a clear message.
ARG MODULE

############################
# Build stage: compile the chosen module (and the modules it depends on) with the Maven wrapper.
############################
FROM eclipse-temurin:17-jdk AS build
ARG MODULE
WORKDIR /src

# The whole repository: the reactor needs every module's pom, and the build context is trimmed by
# .dockerignore (no target/, .git or .env).
COPY . .

# spring-boot-maven-plugin repackages each deployable with classifier "exec", so the runnable jar is
# <module>/target/steward-<module>-<version>-exec.jar; exactly one must match.
# The cache mount keeps ~/.m2 (the Maven distribution fetched by ./mvnw and all dependencies) between
# builds, so rebuilding one service after a code change does not download the world again.
RUN --mount=type=cache,target=/root/.m2 \
    set -eu; \
    case "${MODULE}" in \
      workers|api|gateway-bridge) ;; \
      *) echo "MODULE must be one of: workers, api, gateway-bridge (got '${MODULE}')" >&2; exit 1 ;; \
    esac; \
    chmod +x mvnw; \
    ./mvnw -B -q -DskipTests -pl "${MODULE}" -am package; \
    mkdir -p /out; \
    set -- "${MODULE}"/target/steward-"${MODULE}"-*-exec.jar; \
    if [ "$#" -ne 1 ] || [ ! -f "$1" ]; then echo "expected exactly one exec jar, found: $*" >&2; exit 1; fi; \
    cp "$1" /out/app.jar

############################
# Runtime stage: JRE only, non-root.
############################
FROM eclipse-temurin:17-jre AS runtime
ARG MODULE
LABEL org.opencontainers.image.title="steward-${MODULE}" \
      org.opencontainers.image.description="Steward ${MODULE}: self-hosted AI support and moderation bot for Discord"

# curl is only for the container health check (GET /actuator/health); install it explicitly rather
# than relying on whatever the base image happens to ship.
RUN set -eux; \
    apt-get update; \
    DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends curl; \
    rm -rf /var/lib/apt/lists/*; \
    groupadd --system --gid 10001 steward; \
    useradd --system --uid 10001 --gid steward --home-dir /app --shell /usr/sbin/nologin steward; \
    mkdir -p /app; \
    chown steward:steward /app

WORKDIR /app
COPY --from=build --chown=steward:steward /out/app.jar /app/app.jar

USER 10001:10001

# Size the heap from the container's memory limit; override with JAVA_TOOL_OPTIONS at run time.
ENV JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=75.0" \
    SERVER_PORT=8080

# Only `api` serves HTTP; the port is harmless for the other two.
EXPOSE 8080

ENTRYPOINT ["java", "-jar", "/app/app.jar"]
