# atrest as an image: a JRE, the jar, a user that is not root. Build the jar first:
#   ./mvnw -B -q -DskipTests package && docker build -t atrest .
#   docker run --rm atrest checks
FROM eclipse-temurin:17-jre
RUN useradd --system --uid 10001 --user-group --home-dir /var/lib/atrest --create-home atrest
COPY cli/target/atrest.jar /opt/atrest/atrest.jar
USER 10001:10001
# The default H2 database and reports go to ./atrest-data: here, on a volume if they must outlive the container.
WORKDIR /var/lib/atrest
ENTRYPOINT ["java", "-jar", "/opt/atrest/atrest.jar"]
CMD ["--help"]
