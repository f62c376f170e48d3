namespace EscrowP2P.Api.Infrastructure;

/// <summary>The paging of a list query: pages count from 1; <see cref="PageQueryValidator"/> holds the limits.</summary>
public interface IPageQuery
{
    int Page { get; }
    int PageSize { get; }
}
