# The Countdown image, from the jar the build packages (docs/operations.md):
#   bin/with-jdk21 mvn -B -q package -DskipTests && docker build -t countdown:$(git rev-parse --short HEAD) .
# Only the jar goes in: release manifests and checklist templates are mounted (manifests/deploy/).
FROM eclipse-temurin:21-jre

RUN groupadd --system --gid 10001 countdown \
    && useradd --system --uid 10001 --gid countdown --home-dir /app --shell /usr/sbin/nologin countdown \
    && mkdir -p /app/data /etc/countdown/manifests /etc/countdown/checklist-templates \
    && chown -R countdown:countdown /app

WORKDIR /app
COPY --chown=countdown:countdown target/countdown.jar /app/countdown.jar

# A bounded JVM (docs/performance.md measured RSS with these): the serial collector gives memory
# back and never needs the second core; heap, metaspace, code cache and direct buffers are capped,
# so the container limit in manifests/deploy/deployment.yaml holds; glibc keeps two malloc arenas,
# not eight per core. Override with JAVA_OPTS.
ENV JAVA_OPTS="-XX:+UseSerialGC -Xmx128m -XX:MaxMetaspaceSize=128m -XX:ReservedCodeCacheSize=48m -XX:MaxDirectMemorySize=32m -XX:+ExitOnOutOfMemoryError" \
    MALLOC_ARENA_MAX=2 \
    COUNTDOWN_HOST=0.0.0.0 \
    COUNTDOWN_PORT=8080 \
    COUNTDOWN_MANIFESTS_DIR=/etc/countdown/manifests \
    COUNTDOWN_TEMPLATES_DIR=/etc/countdown/checklist-templates

USER 10001:10001
EXPOSE 8080
# exec: the JVM replaces the shell as PID 1, so the kubelet's SIGTERM reaches it and a clean shutdown runs.
ENTRYPOINT ["sh", "-c", "exec java $JAVA_OPTS -jar /app/countdown.jar"]
