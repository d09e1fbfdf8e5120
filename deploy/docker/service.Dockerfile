# The image of every Dealflow service (and of the local authorization server). docker compose builds it with the
# module as the context and the
# build arguments SERVICE (the module, whose jar Maven already produced) and PORT (its HTTP port):
#   ./mvnw -DskipTests package && docker compose build
# A plain Dockerfile rather than spring-boot:build-image: buildpacks need a Docker daemon and network access to
# pull builder images while Maven runs; this file builds with any builder and shows exactly what ships.
FROM eclipse-temurin:17-jre

ARG SERVICE
ARG PORT

# docker compose's health check calls curl. Temurin's 17 images ship it (later lines dropped it), so this only
# installs it should a base image update remove it.
RUN command -v curl > /dev/null \
    || (apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/*)

# A numeric, non-root user: Kubernetes' runAsNonRoot can only verify a numeric USER.
RUN groupadd --system --gid 10001 dealflow \
    && useradd --system --uid 10001 --gid dealflow --no-create-home --shell /usr/sbin/nologin dealflow

WORKDIR /app
# The one directory the process may write, for a volume (the authorization server keeps its signing key there):
# a named volume takes its owner from the image's directory.
RUN mkdir /app/data && chown 10001:10001 /app/data
COPY target/${SERVICE}.jar /app/app.jar
USER 10001:10001

EXPOSE ${PORT}

# The heap follows the container's memory limit instead of the host's RAM (75 % leaves room for metaspace,
# threads and direct buffers); on OutOfMemoryError the JVM exits so the orchestrator restarts a clean instance
# rather than keeping a half-broken one. More flags go in JAVA_TOOL_OPTIONS, which the JVM reads by itself.
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75.0", "-XX:+ExitOnOutOfMemoryError", "-jar", "/app/app.jar"]
