# Polaroid Flight SQL server image.
#   docker compose up        (see docker-compose.yml: token from $POLAROID_TOKEN, data in a volume)
#   docker build -t polaroid .
#   docker run -e POLAROID_TOKEN=... -p 50051:50051 -v polaroid-data:/data polaroid

# --- build: the server module and the modules it needs, tests skipped (CI runs them) ---
FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /src
COPY pom.xml ./
COPY catalog catalog
COPY engine engine
COPY jdbc-driver jdbc-driver
COPY flight-sql-server flight-sql-server
COPY bench/pom.xml bench/pom.xml
RUN mvn -B -q -DskipTests -pl flight-sql-server -am package \
 && mvn -B -q -pl flight-sql-server dependency:copy-dependencies -DincludeScope=runtime -DoutputDirectory=/out/lib \
 && cp flight-sql-server/target/polaroid-flight-sql-server-*.jar /out/lib/

# --- runtime: a JRE, the jars, an unprivileged user ---
FROM eclipse-temurin:17-jre
RUN groupadd --system polaroid \
 && useradd --system --gid polaroid --home-dir /var/lib/polaroid --create-home polaroid \
 && mkdir -p /data/catalog/data \
 && chown -R polaroid:polaroid /data
COPY --from=build /out/lib/ /opt/polaroid/lib/
USER polaroid
WORKDIR /var/lib/polaroid
VOLUME /data
# 50051: Arrow Flight SQL (jdbc:polaroid://host:50051); 9090: Prometheus metrics
EXPOSE 50051 9090
# The gRPC health service, asked by the CLI's own probe (the image has no grpc_health_probe).
HEALTHCHECK --interval=30s --timeout=15s --start-period=40s --retries=3 \
  CMD ["java", "--add-opens=java.base/java.nio=ALL-UNNAMED", "-cp", "/opt/polaroid/lib/*", "io.polaroid.cli.PolaroidCli", "health", "--port", "50051"]
# Arrow needs java.nio opened on JDK 17+.
ENTRYPOINT ["java", "--add-opens=java.base/java.nio=ALL-UNNAMED", "-XX:+ExitOnOutOfMemoryError", "-cp", "/opt/polaroid/lib/*", "io.polaroid.cli.PolaroidCli"]
# Listens on every interface, so authentication is required: an admin token from $POLAROID_TOKEN.
CMD ["serve", "--host", "0.0.0.0", "--port", "50051", "--catalog", "/data/catalog", "--data-root", "/data", "--auth", "token", "--token-env", "POLAROID_TOKEN", "--metrics-port", "9090"]
