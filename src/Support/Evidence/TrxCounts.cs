using System.Xml.Linq;

namespace PadUat.Support.Evidence;

/// <summary>The passed and failed counts of test-result (TRX) files, summed: the last line of `./uat test`.</summary>
public static class TrxCounts
{
    public static (int Passed, int Failed) Sum(IEnumerable<string> files)
    {
        var (passed, failed) = (0, 0);
        foreach (var file in files.Where(File.Exists))
        {
            var counters = XDocument.Load(file).Descendants().FirstOrDefault(e => e.Name.LocalName == "Counters")
                ?? throw new InvalidOperationException($"{file}: a TRX file without its Counters");
            passed += (int?)counters.Attribute("passed") ?? 0;
            failed += (int?)counters.Attribute("failed") ?? 0;
        }
        return (passed, failed);
    }
}
