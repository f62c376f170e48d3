# Builds the API image. With no Chain__RpcUrl it runs the embedded development chain (anvil ships in the image);
# with Chain__RpcUrl and friends (or Chain__SettingsFile) set it talks to that node and deploys nothing.
# The same image runs docker-compose's chain node (anvil) and its one-shot deployer (/app/deployer).
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
RUN apt-get update && apt-get install -y --no-install-recommends nodejs npm && rm -rf /var/lib/apt/lists/*
WORKDIR /src
COPY contracts/package.json contracts/package-lock.json contracts/
RUN cd contracts && npm ci --no-audit --no-fund
COPY . .
RUN dotnet publish src/EscrowP2P.Api -c Release -o /app -p:SkipContractToolchain=true \
 && dotnet publish src/EscrowP2P.Deployer -c Release -o /app/deployer -p:SkipContractToolchain=true

FROM mcr.microsoft.com/dotnet/aspnet:10.0
WORKDIR /app
COPY --from=build /app .
COPY --from=build /src/contracts/package.json /app/contracts/package.json
COPY --from=build /src/contracts/node_modules/@foundry-rs /app/contracts/node_modules/@foundry-rs
# Folders that volumes mount on: a new named volume takes their owner, so the unprivileged user can write them.
RUN mkdir -p /app/data /deployment /chain && chown "$APP_UID" /app/data /deployment /chain
USER $APP_UID
ENV ASPNETCORE_URLS=http://+:8080 \
    ASPNETCORE_ENVIRONMENT=Production
EXPOSE 8080
ENTRYPOINT ["dotnet", "EscrowP2P.Api.dll"]
