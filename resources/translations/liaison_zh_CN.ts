<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>App</name>
    <message>
        <source>Liaison cannot open the database</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Settings</name>
    <message>
        <source>Original script (as the organization writes it)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>English</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Chinese 中文</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your name as it appears in every record&apos;s history</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Language:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show names in:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>To open another database, start Liaison with &lt;code&gt;--db PATH&lt;/code&gt; or set &lt;code&gt;LIAISON_DB&lt;/code&gt; (a file, or a PostgreSQL server URL).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restart Liaison</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Liaison speaks the new language from its next start. Restart it now? (Your work is saved as you go.)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>System</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
