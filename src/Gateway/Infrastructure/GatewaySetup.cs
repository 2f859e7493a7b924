using System.Buffers.Text;
using System.Security.Cryptography;

namespace Targeting.Gateway.Infrastructure;

internal static class GatewaySetup
{
    /// <summary>
    /// <c>Targeting:OperatorKey</c>. An embedded gateway without one makes one up and prints it
    /// once on the console (not the log), so a first run needs no configuration.
    /// </summary>
    public static string? OperatorKey(IConfiguration configuration, bool embedded)
    {
        var key = configuration["Targeting:OperatorKey"];
        if (!string.IsNullOrEmpty(key) || !embedded) return key;
        key = Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));
        Console.WriteLine($"Targeting: no Targeting:OperatorKey configured; this run's operator key is {key}");
        return key;
    }
}
