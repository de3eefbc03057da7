# PipelineStudio web app. Build: docker build -t pipelinestudio .
# Run:   docker run -p 8080:8080 -v pipelinestudio-data:/data pipelinestudio   ->  http://localhost:8080
# The SQLite database (studio.db) and local artifacts live in the /data volume.

FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /source

# Restore first, from the project files alone, so the package layer is reused while only code changes.
COPY global.json Directory.Build.props Directory.Packages.props .editorconfig ./
COPY src/PipelineStudio.Core/PipelineStudio.Core.csproj src/PipelineStudio.Core/
COPY src/PipelineStudio.Engine/PipelineStudio.Engine.csproj src/PipelineStudio.Engine/
COPY src/PipelineStudio.Persistence/PipelineStudio.Persistence.csproj src/PipelineStudio.Persistence/
COPY src/PipelineStudio.Aws/PipelineStudio.Aws.csproj src/PipelineStudio.Aws/
COPY src/PipelineStudio.Web/PipelineStudio.Web.csproj src/PipelineStudio.Web/
RUN dotnet restore src/PipelineStudio.Web/PipelineStudio.Web.csproj

# The web project copies the root appsettings.json, wwwroot-assets/ and samples/ into its output.
COPY appsettings.json ./
COPY wwwroot-assets/ wwwroot-assets/
COPY samples/ samples/
COPY src/ src/
RUN dotnet publish src/PipelineStudio.Web/PipelineStudio.Web.csproj -c Release --no-restore -o /app

FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS runtime
WORKDIR /app
COPY --from=build /app ./

# The image's non-root user ($APP_UID) must own the data folder before it becomes a volume.
RUN mkdir -p /data && chown "$APP_UID" /data
VOLUME /data
ENV Studio__DataDirectory=/data \
    ASPNETCORE_URLS=http://0.0.0.0:8080
EXPOSE 8080
USER $APP_UID
ENTRYPOINT ["dotnet", "PipelineStudio.Web.dll"]
