namespace EscrowP2P.DevChain;

/// <summary>Where the development contracts live.</summary>
public sealed record DevDeployment(string EscrowAddress, string StablecoinAddress, ulong DeploymentBlock);
