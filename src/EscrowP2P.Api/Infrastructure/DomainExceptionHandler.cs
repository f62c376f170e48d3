using EscrowP2P.Chain.Errors;
using EscrowP2P.Core.Errors;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace EscrowP2P.Api.Infrastructure;

/// <summary>
/// Maps the exceptions the domain throws on purpose to RFC 9457 problem details. Anything else stays a 500 whose
/// body says nothing about the failure (the log has it).
/// </summary>
public sealed class DomainExceptionHandler(IProblemDetailsService problemDetails) : IExceptionHandler
{
    private static readonly HashSet<string> StateConflicts =
    [
        "InvalidStatus", "TradeAlreadyExists", "PaymentWindowExpired", "CancelNotYetAllowed", "EnforcedPause", "TradeNotFound", "NothingToWithdraw",
    ];

    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        var problem = exception switch
        {
            NotFoundException e => Problem(StatusCodes.Status404NotFound, "Not found", e.Message),
            ForbiddenException e => Problem(StatusCodes.Status403Forbidden, "Forbidden", e.Message),
            ConflictException e => WithExtensions(Problem(StatusCodes.Status409Conflict, "Conflict", e.Message), e.Details),
            RequestFieldException e => new ValidationProblemDetails(new Dictionary<string, string[]> { [e.Field] = [e.Message] })
            {
                Status = StatusCodes.Status400BadRequest,
                Title = "One or more validation errors occurred.",
            },
            TransactionWouldRevertException e => WouldRevert(e),
            _ => null,
        };
        if (problem is null) return false;

        httpContext.Response.StatusCode = problem.Status!.Value;
        return await problemDetails.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            ProblemDetails = problem,
            Exception = exception,
        });
    }

    private static ProblemDetails WouldRevert(TransactionWouldRevertException e)
    {
        var status = StateConflicts.Contains(e.Error.Name) ? StatusCodes.Status409Conflict : StatusCodes.Status422UnprocessableEntity;
        var problem = Problem(status, "Transaction would revert", $"{e.Purpose} would revert on-chain with {e.Error.Name}; it was not prepared.");
        problem.Extensions["errorName"] = e.Error.Name;
        problem.Extensions["errorArguments"] = e.Error.Arguments;
        problem.Extensions["purpose"] = e.Purpose;
        return problem;
    }

    private static ProblemDetails Problem(int status, string title, string detail) =>
        new() { Status = status, Title = title, Detail = detail };

    private static ProblemDetails WithExtensions(ProblemDetails problem, IReadOnlyDictionary<string, object?> extensions)
    {
        foreach (var (key, value) in extensions) problem.Extensions[key] = value;
        return problem;
    }
}
