<?xml version='1.0' encoding='utf-8'?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
    <context>
        <name>AuditReport</name>
        <message numerus="yes">
            <source>in %n day(s)</source>
            <translation>
                <numerusform>in %n day</numerusform>
                <numerusform>in %n days</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>The latest rules replayed over the workspace's %n evidence record(s).</source>
            <translation>
                <numerusform>The latest rules replayed over the workspace's %n evidence record.</numerusform>
                <numerusform>The latest rules replayed over the workspace's %n evidence records.</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>GraphClusterItem</name>
        <message numerus="yes">
            <source>%n node(s)</source>
            <translation>
                <numerusform>%n node</numerusform>
                <numerusform>%n nodes</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%1 (%n node(s))</source>
            <translation>
                <numerusform>%1 (%n node)</numerusform>
                <numerusform>%1 (%n nodes)</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>MoveNodesCommand</name>
        <message numerus="yes">
            <source>Move %n node(s)</source>
            <translation>
                <numerusform>Move %n node</numerusform>
                <numerusform>Move %n nodes</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>ta::models::DecisionLogModel</name>
        <message numerus="yes">
            <source>%n identity(ies) given</source>
            <translation>
                <numerusform>%n identity given</numerusform>
                <numerusform>%n identities given</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>ta::models::FederationModel</name>
        <message numerus="yes">
            <source>%n bundle(s) fetched</source>
            <translation>
                <numerusform>%n bundle fetched</numerusform>
                <numerusform>%n bundles fetched</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>ta::views::AnchorPanel</name>
        <message numerus="yes">
            <source>Imported %n entry(ies) from %1. Undo takes the import back.</source>
            <translation>
                <numerusform>Imported %n entry from %1. Undo takes the import back.</numerusform>
                <numerusform>Imported %n entries from %1. Undo takes the import back.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Exported %n entry(ies) to %1; join tokens as their SHA-256 only.</source>
            <translation>
                <numerusform>Exported %n entry to %1; join tokens as their SHA-256 only.</numerusform>
                <numerusform>Exported %n entries to %1; join tokens as their SHA-256 only.</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>ta::views::FederationPanel</name>
        <message numerus="yes">
            <source>%n s</source>
            <translation>
                <numerusform>%n s</numerusform>
                <numerusform>%n s</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>ta::views::GraphCanvas</name>
        <message numerus="yes">
            <source>%n node(s)</source>
            <translation>
                <numerusform>%n node</numerusform>
                <numerusform>%n nodes</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n edge(s)</source>
            <translation>
                <numerusform>%n edge</numerusform>
                <numerusform>%n edges</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Blast radius of %1: %n dependent node(s)</source>
            <translation>
                <numerusform>Blast radius of %1: %n dependent node</numerusform>
                <numerusform>Blast radius of %1: %n dependent nodes</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Path of %n step(s)</source>
            <translation>
                <numerusform>Path of %n step</numerusform>
                <numerusform>Path of %n steps</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>ta::views::PolicyStudio</name>
        <message numerus="yes">
            <source>%n evidence record(s) recorded; edit a policy to see its effect.</source>
            <translation>
                <numerusform>%n evidence record recorded; edit a policy to see its effect.</numerusform>
                <numerusform>%n evidence records recorded; edit a policy to see its effect.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n subject(s) fare differently than under %1.</source>
            <translation>
                <numerusform>%n subject fare differently than under %1.</numerusform>
                <numerusform>%n subjects fare differently than under %1.</numerusform>
            </translation>
        </message>
    </context>
<context>
    <name>ta::views::EvidenceTimeline</name>
        <message numerus="yes">
            <source>Imported %n record(s) from %1.</source>
            <translation>
                <numerusform>Imported %n record from %1.</numerusform>
                <numerusform>Imported %n records from %1.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n record(s)</source>
            <translation>
                <numerusform>%n record</numerusform>
                <numerusform>%n records</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n record(s) match</source>
            <translation>
                <numerusform>%n record matches</numerusform>
                <numerusform>%n records match</numerusform>
            </translation>
        </message>
</context>
<context>
    <name>ta::views::AnchorDetails</name>
        <message numerus="yes">
            <source>    … and %n more</source>
            <translation>
                <numerusform>    … and %n more</numerusform>
                <numerusform>    … and %n more</numerusform>
            </translation>
        </message>
</context>
<context>
    <name>ta::views::DesignPalette</name>
    <message numerus="yes">
        <source>Generated %n evidence record(s) for the design.</source>
        <translation>
            <numerusform>Generated %n evidence record for the design.</numerusform>
            <numerusform>Generated %n evidence records for the design.</numerusform>
        </translation>
    </message>
</context>
</TS>