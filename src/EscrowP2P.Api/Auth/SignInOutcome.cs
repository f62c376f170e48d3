namespace EscrowP2P.Api.Auth;

/// <summary>A sign-in's result: the access token, or why it was refused.</summary>
public sealed record SignInOutcome
{
    private SignInOutcome(SignInResponse? response, string? failure) => (Response, Failure) = (response, failure);

    public SignInResponse? Response { get; }
    public string? Failure { get; }

    public static SignInOutcome Succeeded(SignInResponse response) => new(response, null);
    public static SignInOutcome Refused(string failure) => new(null, failure);
}
