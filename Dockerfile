# Builds the API image. With no Chain__RpcUrl it runs the embedded development chain (anvil ships in the image);
# with Chain__RpcUrl and friends set it talks to that node and deploys nothing.
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
RUN apt-get update && apt-get install -y --no-install-recommends nodejs npm && rm -rf /var/lib/apt/lists/*
WORKDIR /src
COPY contracts/package.json contracts/package-lock.json contracts/
RUN cd contracts && npm ci --no-audit --no-fund
COPY . .
RUN dotnet publish src/EscrowP2P.Api -c Release -o /app -p:SkipContractToolchain=true

FROM mcr.microsoft.com/dotnet/aspnet:10.0
WORKDIR /app
COPY --from=build /app .
COPY --from=build /src/contracts/package.json /app/contracts/package.json
COPY --from=build /src/contracts/node_modules/@foundry-rs /app/contracts/node_modules/@foundry-rs
ENV ASPNETCORE_URLS=http://+:8080 \
    ASPNETCORE_ENVIRONMENT=Production
EXPOSE 8080
ENTRYPOINT ["dotnet", "EscrowP2P.Api.dll"]
