using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;
using EscrowP2P.Api.Hubs;
using EscrowP2P.Chain.Contracts;
using EscrowP2P.Core.Events;
using EscrowP2P.Core.Trades;
using Nethereum.ABI.FunctionEncoding.Attributes;

namespace EscrowP2P.IntegrationTests.Clients;

/// <summary>
/// clients/typescript/src/hub.ts is written by hand (OpenAPI does not describe SignalR); these tests hold it to the C#
/// types the hub sends, as SignalR's JSON writes them (camelCase properties, TradeId as its 0x string), so the two cannot drift.
/// </summary>
public sealed class TypeScriptHubContractTests
{
    private static readonly TypeScriptDeclarations Hub = TypeScriptDeclarations.Read(TypeScriptPackage.PathOf("src/hub.ts"));

    // Strings the C# side keeps open that the client narrows to a union, each checked against its source below.
    private static readonly Dictionary<(Type, string), string> NarrowedStrings = new()
    {
        [(typeof(TradeEventView), nameof(TradeEventView.Name))] = "TradeEventName",
        [(typeof(TradeUpdate), nameof(TradeUpdate.Status))] = "TradeStatusName",
        [(typeof(TradeView), nameof(TradeView.Status))] = "TradeStatusName",
    };

    public static TheoryData<string> MessageTypes => [nameof(TradeUpdate), nameof(TradeSnapshot), nameof(TradeView), nameof(TradeEventView)];

    [Theory]
    [MemberData(nameof(MessageTypes))]
    public void Hub_message_interface_has_the_camel_case_members_and_types_of_its_csharp_record(string typeName)
    {
        var type = MessageType(typeName);
        var expected = type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .ToDictionary(p => JsonNamingPolicy.CamelCase.ConvertName(p.Name), p => TypeScriptTypeOf(type, p));

        Hub.Interface(typeName).ShouldBe(expected, ignoreOrder: true);
    }

    [Fact]
    public void Update_kinds_are_the_json_names_of_TradeUpdateKind()
    {
        var names = typeof(TradeUpdateKind).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Select(f => f.GetCustomAttribute<JsonStringEnumMemberNameAttribute>()?.Name ?? f.Name);

        Hub.Union(nameof(TradeUpdateKind)).ShouldBe(names);
    }

    [Fact]
    public void Event_names_are_the_escrow_trade_events()
    {
        Hub.Union("TradeEventName").ShouldBe(TradeEvents.All.Select(EventName));
    }

    [Fact]
    public void Status_names_are_the_contract_trade_statuses()
    {
        Hub.Union("TradeStatusName").ShouldBe(Enum.GetNames<TradeStatus>());
    }

    [Fact]
    public void Each_event_arguments_interface_names_the_event_abi_parameters_as_strings()
    {
        foreach (var binding in TradeEvents.All)
        {
            var parameters = binding.GetProperties()
                .Select(p => p.GetCustomAttribute<ParameterAttribute>())
                .OfType<ParameterAttribute>()
                .OrderBy(p => p.Order)
                .ToDictionary(p => p.Name, _ => "string");
            Hub.Interface(EventName(binding) + "Arguments").ShouldBe(parameters, ignoreOrder: true, EventName(binding));
        }
        Hub.Interface("TradeEventArgumentsByName").ShouldBe(
            TradeEvents.All.Select(EventName).ToDictionary(name => name, name => name + "Arguments"), ignoreOrder: true);
    }

    [Fact]
    public void Hub_method_names_are_the_hub_and_client_methods()
    {
        Hub.ConstValues("TradeHubMethods").ShouldBe(
            typeof(TradeHub).GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly)
                .Where(m => !m.IsSpecialName && m.DeclaringType == typeof(TradeHub) && m.GetBaseDefinition().DeclaringType == typeof(TradeHub))
                .Select(m => m.Name),
            ignoreOrder: true);
        Hub.ConstValues("TradeClientMethods").ShouldBe(typeof(ITradeClient).GetMethods().Select(m => m.Name), ignoreOrder: true);
    }

    private static Type MessageType(string name) =>
        new[] { typeof(TradeUpdate), typeof(TradeSnapshot), typeof(TradeView), typeof(TradeEventView) }.Single(t => t.Name == name);

    private static string EventName(Type binding) => binding.GetCustomAttribute<EventAttribute>()!.Name;

    private static string TypeScriptTypeOf(Type owner, PropertyInfo property)
    {
        var nullable = new NullabilityInfoContext().Create(property).ReadState == NullabilityState.Nullable;
        var type = Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType;
        var name = NarrowedStrings.TryGetValue((owner, property.Name), out var narrowed) ? narrowed : TypeScriptTypeOf(type);
        return nullable ? name + " | null" : name;
    }

    private static string TypeScriptTypeOf(Type type) => type switch
    {
        _ when type == typeof(string) || type == typeof(Guid) || type == typeof(DateTimeOffset) => "string",
        _ when type == typeof(int) || type == typeof(long) => "number",
        _ when type == typeof(bool) => "boolean",
        _ when type == typeof(TradeId) || type == typeof(TradeUpdateKind) => type.Name,
        _ when type == typeof(IReadOnlyDictionary<string, string>) => "Record<string, string>",
        { IsGenericType: true } when type.GetGenericTypeDefinition() == typeof(IReadOnlyList<>) => TypeScriptTypeOf(type.GetGenericArguments()[0]) + "[]",
        _ when type.Namespace?.StartsWith("EscrowP2P.Core", StringComparison.Ordinal) == true && type.IsClass => type.Name,
        _ => throw new InvalidOperationException($"{type} has no TypeScript counterpart here yet: add one to hub.ts and to this mapping"),
    };
}
