import html

samples = [
    "&amp; &lt;tag&gt; &quot;q&quot; &apos;a&apos;",
    "&notit; &notin; &not &copy2023 &COPY; &AMP &ampx",
    "&NotNestedGreaterGreater; &nGtv; &bne; &fjlig; &Afr; &zwnj;",
    "&hellip;&mdash;&ndash;&lsquo;&rsquo;&ldquo;&rdquo;&euro;&trade;",
    "&unknown; &; & &#; &#x; &#65;&#x42;&#X43; &#0; &#128; &#xD800; &#1114112;",
    "&LongLeftRightArrow; &DoubleLongLeftRightArrow; &CounterClockwiseContourIntegral;",
    "&eacute&egrave;&Eacute &acirc;&ccedil;&szlig&THORN;",
    "no refs at all",
]
for s in samples:
    out = html.unescape(s)
    print(repr(out), len(out))
print(html.escape("<a href='x'>\"&\"</a>"), html.escape("<>&'\"", quote=False))
roundtrip = "Tom & Jerry's <b>\"show\"</b> © 2024 – ½"
print(html.unescape(html.escape(roundtrip)) == roundtrip)
