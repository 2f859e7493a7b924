using System.Text;
using System.Text.Json.Nodes;

namespace Targeting.ReliabilityTests.Infrastructure;

/// <summary>
/// Deterministic (seeded) malformed and mutated variants of a valid JSON body: truncated JSON,
/// wrong types, huge numbers, deep nesting, invalid UTF-8, unknown enums, extra fields, oversized
/// strings, nulls, arrays for objects, missing fields, garbage.
/// </summary>
public sealed class Mutator(int seed)
{
    private const string Raw = "__raw__";
    private readonly Random _random = new(seed);

    public static readonly string[] Kinds =
    [
        "truncate", "wrongType", "hugeNumber", "deepNesting", "invalidUtf8", "unknownEnum", "extraField",
        "oversizedString", "null", "arrayForObject", "removeField", "garbage", "rootValue", "duplicateKey", "loneSurrogate",
    ];

    public (string Kind, byte[] Body) Next(string seedJson)
    {
        var kind = Kinds[_random.Next(Kinds.Length)];
        return (kind, Mutate(kind, seedJson));
    }

    private byte[] Mutate(string kind, string json) => kind switch
    {
        "truncate" => Bytes(json[.._random.Next(0, json.Length)]),
        "wrongType" => ReplaceRandom(json, _ => Pick<JsonNode?>(JsonValue.Create(42), JsonValue.Create("text"), JsonValue.Create(true),
            new JsonArray(JsonValue.Create(1)), new JsonObject { ["x"] = 1 }, JsonValue.Create(-0.5))),
        "hugeNumber" => ReplaceRandomRaw(json, Pick("1e400", "-1e400", "99999999999999999999999999999999999999", "1.7976931348623157e309",
            "-99999999999999999999999999", "0.000000000000000000000000000000000001", "4294967296", "9223372036854775808")),
        "deepNesting" => ReplaceRandomRaw(json, Nest(_random.Next(65, 3000))),
        "invalidUtf8" => InvalidUtf8(json),
        "unknownEnum" => ReplaceRandom(json, n => n is JsonValue v && v.TryGetValue<string>(out _)
            ? JsonValue.Create(Pick("bogus", "WEB", "Published", "regexx", "", " web", "abandoned ")) : JsonValue.Create("bogus")),
        "extraField" => MutateObject(json, o => o[Pick("zzz", "type", "__proto__", "id", "Version", "$type")] = Pick<JsonNode?>(
            JsonValue.Create(1), JsonValue.Create("x"), new JsonObject(), null)),
        "oversizedString" => ReplaceRandom(json, _ => JsonValue.Create(new string('x', Pick(300, 600, 2100, 5000, 70_000, 400_000)))),
        "null" => ReplaceRandom(json, _ => null),
        "arrayForObject" => ReplaceRandom(json, n => n is JsonArray a ? new JsonObject { ["0"] = a.Count > 0 ? a[0]?.DeepClone() : null }
            : new JsonArray(n?.DeepClone())),
        "removeField" => MutateObject(json, o =>
        {
            if (o.Count > 0) o.Remove(o.ElementAt(_random.Next(o.Count)).Key);
        }),
        "garbage" => Garbage(),
        "rootValue" => Bytes(Pick("", "null", "[]", "{}", "\"events\"", "0", "true", "[{}]", "{\"events\":{}}", " ", "{\"a\":")),
        "duplicateKey" => Bytes(json.Length > 1 ? "{\"name\":\"dup\"," + json[1..] : json),
        "loneSurrogate" => ReplaceRandomRaw(json, Pick("\"\\ud800\"", "\"\\udfff x\"", "\"\\u0000\"", "\"\\x\"")),
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    private T Pick<T>(params T[] values) => values[_random.Next(values.Length)];

    private static byte[] Bytes(string text) => Encoding.UTF8.GetBytes(text);

    private byte[] ReplaceRandom(string json, Func<JsonNode?, JsonNode?> replacement)
    {
        var root = JsonNode.Parse(json)!;
        var nodes = Descendants(root).ToList();
        var target = nodes[_random.Next(nodes.Count)];
        if (target.Parent is null) return Bytes(replacement(target)?.ToJsonString() ?? "null");
        var value = replacement(target);
        switch (target.Parent)
        {
            case JsonObject o: o[target.GetPropertyName()] = value; break;
            case JsonArray a: a[target.GetElementIndex()] = value; break;
        }
        return Bytes(root.ToJsonString());
    }

    private byte[] ReplaceRandomRaw(string json, string raw)
    {
        var text = Encoding.UTF8.GetString(ReplaceRandom(json, _ => JsonValue.Create(Raw)));
        return Bytes(text.Replace("\"" + Raw + "\"", raw, StringComparison.Ordinal));
    }

    private byte[] MutateObject(string json, Action<JsonObject> change)
    {
        var root = JsonNode.Parse(json)!;
        var objects = Descendants(root).OfType<JsonObject>().ToList();
        change(objects[_random.Next(objects.Count)]);
        return Bytes(root.ToJsonString());
    }

    private byte[] InvalidUtf8(string json)
    {
        var bytes = Bytes(json).ToList();
        var quotes = bytes.Select((b, i) => (b, i)).Where(p => p.b == (byte)'"').Select(p => p.i).ToList();
        var at = quotes.Count > 0 ? quotes[_random.Next(quotes.Count)] + 1 : 0;
        bytes.InsertRange(at, Pick(new byte[] { 0xC3, 0x28 }, [0xFF], [0xE2, 0x82], [0xED, 0xA0, 0x80], [0xF8, 0x88, 0x80, 0x80, 0x80]));
        return [.. bytes];
    }

    private byte[] Garbage()
    {
        var bytes = new byte[_random.Next(1, 300)];
        _random.NextBytes(bytes);
        return bytes;
    }

    private string Nest(int depth)
    {
        var (open, close) = _random.Next(2) == 0 ? ("[", "]") : ("{\"a\":", "}");
        return string.Concat(Enumerable.Repeat(open, depth)) + "1" + string.Concat(Enumerable.Repeat(close, depth));
    }

    private static IEnumerable<JsonNode> Descendants(JsonNode node)
    {
        yield return node;
        var children = node switch
        {
            JsonObject o => o.Select(p => p.Value),
            JsonArray a => a.AsEnumerable(),
            _ => [],
        };
        foreach (var child in children)
            if (child is not null)
                foreach (var d in Descendants(child)) yield return d;
    }
}
