using System.Text.RegularExpressions;

namespace EscrowP2P.IntegrationTests.Clients;

/// <summary>
/// Reads the plain declarations of a hand-written TypeScript file: interfaces with one <c>name: type;</c> member per
/// line, string-literal unions, and <c>const</c> objects of string values. Enough for clients/typescript/src/hub.ts.
/// </summary>
public sealed partial class TypeScriptDeclarations(string source)
{
    public static TypeScriptDeclarations Read(string path) => new(File.ReadAllText(path).ReplaceLineEndings("\n"));

    /// <summary>The members of <c>export interface {name}</c>, by name, each with its type as written.</summary>
    public IReadOnlyDictionary<string, string> Interface(string name) =>
        Members(Block($@"export interface {name} \{{\n(?<body>.*?)\n\}}", name))
            .Select(line => Member().Match(line))
            .Where(m => m.Success)
            .ToDictionary(m => m.Groups["name"].Value, m => m.Groups["type"].Value.Trim());

    /// <summary>The string literals of <c>export type {name} = "a" | "b";</c>.</summary>
    public IReadOnlyList<string> Union(string name) =>
        StringLiteral().Matches(Block($@"export type {name} =(?<body>[^;]*);", name)).Select(m => m.Groups[1].Value).ToList();

    /// <summary>The string values of <c>export const {name} = {{ key: "value" }}</c>.</summary>
    public IReadOnlyList<string> ConstValues(string name) =>
        Members(Block($@"export const {name} = \{{\n(?<body>.*?)\n\}}", name))
            .Select(line => ConstMember().Match(line))
            .Where(m => m.Success)
            .Select(m => m.Groups[1].Value)
            .ToList();

    private string Block(string pattern, string name)
    {
        var match = Regex.Match(source, pattern, RegexOptions.Singleline);
        return match.Success ? match.Groups["body"].Value : throw new InvalidOperationException($"hub.ts declares no {name}");
    }

    private static IEnumerable<string> Members(string body) =>
        body.Split('\n').Select(line => line.Trim()).Where(line => line.Length > 0 && !line.StartsWith('/') && !line.StartsWith('*'));

    [GeneratedRegex(@"^(?<name>\w+):\s*(?<type>[^;]+);$")]
    private static partial Regex Member();

    [GeneratedRegex(@"^\w+:\s*""(\w+)"",?$")]
    private static partial Regex ConstMember();

    [GeneratedRegex(@"""([^""]+)""")]
    private static partial Regex StringLiteral();
}
