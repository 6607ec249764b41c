# The Countdown image, from the jar the build packages (docs/operations.md):
#   bin/with-jdk21 mvn -B -q package -DskipTests && docker build -t countdown:$(git rev-parse --short HEAD) .
# Only the jar and its start-up cache go in: release manifests and checklist templates are mounted
# (manifests/deploy/).
#
# The runtime is Java 25 (the code stays at language level 21) for its AOT cache (JEP 483/514):
# classes loaded and linked, and method profiles, from a training run, which takes start to healthy
# from about 10.5 s to 4.4 s of CPU (docs/performance.md#start-up). A cache serves only the JVM that
# wrote it, so it is trained in a stage FROM the very image the service runs on, with the same jar
# path and the same JVM flags; a JVM that cannot use it warns and starts without it.
ARG RUNTIME=eclipse-temurin:25-jre

FROM ${RUNTIME} AS training
# curl: the training run waits for /health and asks for the first pages (bin/train-aot).
RUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY target/countdown.jar /app/countdown.jar
COPY bin/train-aot /train/bin/train-aot
COPY manifests/ /train/manifests/
COPY checklist-templates/ /train/checklist-templates/
# The same flags as the runtime's JAVA_OPTS below: the cache records the collector and heap layout.
RUN JAVA_OPTS="-XX:+UseSerialGC -Xmx128m -XX:MaxMetaspaceSize=128m -XX:ReservedCodeCacheSize=48m -XX:MaxDirectMemorySize=32m -XX:TieredStopAtLevel=1" \
    COUNTDOWN_MANIFESTS_DIR=/train/manifests COUNTDOWN_TEMPLATES_DIR=/train/checklist-templates \
    /train/bin/train-aot /app/countdown.jar /app/countdown.aot

FROM ${RUNTIME}
RUN groupadd --system --gid 10001 countdown \
    && useradd --system --uid 10001 --gid countdown --home-dir /app --shell /usr/sbin/nologin countdown \
    && mkdir -p /app/data /etc/countdown/manifests /etc/countdown/checklist-templates \
    && chown -R countdown:countdown /app

WORKDIR /app
# The jar from the training stage, not the build context: the cache checks the jar's size and time.
COPY --from=training --chown=countdown:countdown /app/countdown.jar /app/countdown.jar
COPY --from=training --chown=countdown:countdown /app/countdown.aot /app/countdown.aot

# A bounded JVM (docs/performance.md measured RSS with these): the serial collector gives memory
# back and never needs the second core; heap, metaspace, code cache and direct buffers are capped,
# so the container limit in manifests/deploy/deployment.yaml holds; C1 only (TieredStopAtLevel=1)
# saves the C2 compiler's memory; glibc keeps two malloc arenas, not eight per core. Override with
# JAVA_OPTS (a cache trained under other flags is then ignored, with a warning; AOT_OPTS="" drops it).
ENV JAVA_OPTS="-XX:+UseSerialGC -Xmx128m -XX:MaxMetaspaceSize=128m -XX:ReservedCodeCacheSize=48m -XX:MaxDirectMemorySize=32m -XX:TieredStopAtLevel=1 -XX:+ExitOnOutOfMemoryError" \
    AOT_OPTS="-XX:AOTCache=/app/countdown.aot" \
    MALLOC_ARENA_MAX=2 \
    COUNTDOWN_HOST=0.0.0.0 \
    COUNTDOWN_PORT=8080 \
    COUNTDOWN_MANIFESTS_DIR=/etc/countdown/manifests \
    COUNTDOWN_TEMPLATES_DIR=/etc/countdown/checklist-templates

USER 10001:10001
EXPOSE 8080
# exec: the JVM replaces the shell as PID 1, so the kubelet's SIGTERM reaches it and a clean shutdown runs.
ENTRYPOINT ["sh", "-c", "exec java $JAVA_OPTS $AOT_OPTS -jar /app/countdown.jar"]
