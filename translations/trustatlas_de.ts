<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>main</name>
    <message>
        <location filename="../app/gui/main.cpp" line="+35"/>
        <source>Design and audit SPIFFE workload identity.</source>
        <translation>SPIFFE-Workload-Identitäten entwerfen und prüfen.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The workspace to open; the demo workspace by default.</source>
        <translation>Der zu öffnende Arbeitsbereich; standardmäßig der Demo-Arbeitsbereich.</translation>
    </message>
</context>
<context>
    <name>ta::app::MainWindow</name>
    <message>
        <location filename="../app/gui/MainWindow.cpp" line="+116"/>
        <source>Trust &amp;Domains</source>
        <translation>&amp;Vertrauensdomänen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Inspector</source>
        <translation>&amp;Inspektor</translation>
    </message>
    <message>
        <location line="-1"/>
        <source>CA &amp;Slots</source>
        <translation>CA-&amp;Slots</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Bundle</source>
        <translation>&amp;Bundle</translation>
    </message>
    <message>
        <location line="-51"/>
        <location line="+119"/>
        <source>Trust Atlas</source>
        <translation>Trust Atlas</translation>
    </message>
    <message>
        <location line="-142"/>
        <source>Trust Domains</source>
        <translation>Vertrauensdomänen</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Inspector</source>
        <translation>Inspektor</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>CA Slots</source>
        <translation>CA-Slots</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Bundle</source>
        <translation>Bundle</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Trust Anchors</source>
        <translation>Vertrauensanker</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;New Workspace…</source>
        <translation>&amp;Neuer Arbeitsbereich…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Open…</source>
        <translation>Ö&amp;ffnen…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Open &amp;Recent</source>
        <translation>&amp;Zuletzt geöffnet</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open &amp;Demo Workspace</source>
        <translation>&amp;Demo-Arbeitsbereich öffnen</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Edit</source>
        <translation>&amp;Bearbeiten</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Undo</source>
        <translation>&amp;Rückgängig</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Redo</source>
        <translation>&amp;Wiederherstellen</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Trust Domain</source>
        <translation>&amp;Vertrauensdomäne</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;New Trust Domain…</source>
        <translation>&amp;Neue Vertrauensdomäne…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ctrl+T</source>
        <translation>Ctrl+T</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Delete Trust Domain</source>
        <translation>Vertrauensdomäne &amp;löschen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Credential</source>
        <translation>&amp;Nachweis</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Issue SVID…</source>
        <translation>SVID &amp;ausstellen…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ctrl+I</source>
        <translation>Ctrl+I</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Re&amp;voke Credential</source>
        <translation>Nachweis &amp;widerrufen</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Anchors</source>
        <translation>An&amp;ker</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+23"/>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <location line="-18"/>
        <source>Trust &amp;Anchors</source>
        <translation>Vertrauens&amp;anker</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Policy Studio</source>
        <translation>Richtlinien-Studio</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Policy Studio</source>
        <translation>&amp;Richtlinien-Studio</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Open a workspace to edit its policies.</source>
        <translation>Öffnen Sie einen Arbeitsbereich, um seine Richtlinien zu bearbeiten.</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>Open a workspace with File &gt; Open, or the demo with File &gt; Open Demo Workspace.</source>
        <translation>Öffnen Sie einen Arbeitsbereich mit Datei &gt; Öffnen oder die Demo mit Datei &gt; Demo-Arbeitsbereich öffnen.</translation>
    </message>
    <message>
        <location line="+55"/>
        <source>%1[*] — Trust Atlas</source>
        <translation>%1[*] — Trust Atlas</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>&amp;%1 %2</source>
        <translation>&amp;%1 %2</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Open Workspace</source>
        <translation>Arbeitsbereich öffnen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Trust Atlas workspaces (*.atlas);;All files (*)</source>
        <translation>Trust-Atlas-Arbeitsbereiche (*.atlas);;Alle Dateien (*)</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>New Workspace</source>
        <translation>Neuer Arbeitsbereich</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Trust Atlas workspaces (*.atlas)</source>
        <translation>Trust-Atlas-Arbeitsbereiche (*.atlas)</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Delete Trust Domain</source>
        <translation>Vertrauensdomäne löschen</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Deleted %1 with its CA and credentials. Undo brings it back.</source>
        <translation>%1 mit CA und Nachweisen gelöscht. „Rückgängig“ stellt die Domäne wieder her.</translation>
    </message>
    <message>
        <source>Credentials</source>
        <translation>Nachweise</translation>
    </message>
    <message>
        <source>Findings</source>
        <translation>Befunde</translation>
    </message>
    <message>
        <source>&amp;Credentials</source>
        <translation>&amp;Nachweise</translation>
    </message>
    <message>
        <source>&amp;Findings</source>
        <translation>Be&amp;funde</translation>
    </message>
    <message>
        <source>Federation</source>
        <translation>Föderation</translation>
    </message>
    <message>
        <source>&amp;Federation</source>
        <translation>&amp;Föderation</translation>
    </message>
    <message>
        <source>Open a workspace to see its federation relationships.</source>
        <translation>Öffnen Sie einen Arbeitsbereich, um seine Föderationsbeziehungen zu sehen.</translation>
    </message>
    <message>
        <source>Decision Log</source>
        <translation>Entscheidungsprotokoll</translation>
    </message>
    <message>
        <source>&amp;Decision Log</source>
        <translation>&amp;Entscheidungsprotokoll</translation>
    </message>
    <message>
        <source>CA &amp;Settings…</source>
        <translation>CA-&amp;Einstellungen…</translation>
    </message>
    <message>
        <source>What-If</source>
        <translation>Was-wäre-wenn</translation>
    </message>
    <message>
        <source>&amp;What-If</source>
        <translation>&amp;Was-wäre-wenn</translation>
    </message>
    <message>
        <source>Open a workspace to compare its policy versions.</source>
        <translation>Einen Arbeitsbereich öffnen, um seine Richtlinienversionen zu vergleichen.</translation>
    </message>
    <message>
        <source>Evidence Timeline</source>
        <translation>Nachweis-Zeitleiste</translation>
    </message>
    <message>
        <source>&amp;Evidence Timeline</source>
        <translation>Nachweis-&amp;Zeitleiste</translation>
    </message>
    <message>
        <source>Import &amp;Evidence…</source>
        <translation>Nachweise &amp;importieren…</translation>
    </message>
    <message>
        <source>Open a workspace to see and import its evidence.</source>
        <translation>Öffnen Sie einen Arbeitsbereich, um seine Nachweise zu sehen und zu importieren.</translation>
    </message>
    <message>
        <source>What-if run</source>
        <translation>What-if-Lauf</translation>
    </message>
    <message>
        <source>De&amp;sign</source>
        <translation>En&amp;twurf</translation>
    </message>
</context>
<context>
    <name>ta::app::WorkspaceController</name>
    <message>
        <location filename="../app/gui/WorkspaceController.cpp" line="+62"/>
        <source>Cannot create the folder %1.</source>
        <translation>Der Ordner %1 kann nicht angelegt werden.</translation>
    </message>
    <message>
        <source>Generating the demo workspace</source>
        <translation>Demo-Arbeitsbereich wird erzeugt</translation>
    </message>
    <message>
        <source>Cannot write %1.</source>
        <translation>%1 kann nicht geschrieben werden.</translation>
    </message>
</context>
<context>
    <name>ta::models::AnchorEditCommand</name>
    <message>
        <location filename="../models/AnchorEditCommand.cpp" line="+24"/>
        <source>Import trust anchors and reference values (entries: %1)</source>
        <translation>Vertrauensanker und Referenzwerte importieren (Einträge: %1)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Add trust anchor %1</source>
        <translation>Vertrauensanker %1 hinzufügen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Add reference value %1</source>
        <translation>Referenzwert %1 hinzufügen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Edit trust anchor %1</source>
        <translation>Vertrauensanker %1 bearbeiten</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Edit reference value %1</source>
        <translation>Referenzwert %1 bearbeiten</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Remove trust anchor %1</source>
        <translation>Vertrauensanker %1 entfernen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Remove reference value %1</source>
        <translation>Referenzwert %1 entfernen</translation>
    </message>
</context>
<context>
    <name>ta::models::AnchorImporter</name>
    <message>
        <source>Importing %1</source>
        <translation>%1 wird importiert</translation>
    </message>
</context>
<context>
    <name>ta::models::AnchorModel</name>
    <message>
        <location filename="../models/AnchorModel.cpp" line="+148"/>
        <source>Kubernetes cluster issuer</source>
        <translation>Kubernetes-Cluster-Aussteller</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>GCP signing keys (JWKS)</source>
        <translation>GCP-Signaturschlüssel (JWKS)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>AWS document signing certificate</source>
        <translation>AWS-Dokumentsignaturzertifikat</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>x509pop CA certificate</source>
        <translation>x509pop-CA-Zertifikat</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Join token</source>
        <translation>Join-Token</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>TPM attestation key</source>
        <translation>TPM-Attestierungsschlüssel</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cosign public key</source>
        <translation>Öffentlicher Cosign-Schlüssel</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Golden PCR value</source>
        <translation>Referenz-PCR-Wert</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Allowed image digest</source>
        <translation>Erlaubter Image-Digest</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>EC P-%1</source>
        <translation>EC P-%1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>RSA %1</source>
        <translation>RSA %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1-bit key</source>
        <translation>%1-Bit-Schlüssel</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>%1 PCR %2 = %3</source>
        <translation>%1 PCR %2 = %3</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1, SHA-256 %2</source>
        <translation>%1, SHA-256 %2</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1, audience %2, keys: %3</source>
        <translation>%1, Zielgruppe %2, Schlüssel: %3</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Certificates: %1, SHA-256 %2</source>
        <translation>Zertifikate: %1, SHA-256 %2</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Single use, TTL %1 s; only its SHA-256 is stored</source>
        <translation>Einmalig, Gültigkeitsdauer %1 s; nur sein SHA-256 wird gespeichert</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>No limit</source>
        <translation>Unbegrenzt</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>In force</source>
        <translation>In Kraft</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>From %1</source>
        <translation>Ab %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Expired %1</source>
        <translation>Abgelaufen %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Until %1</source>
        <translation>Bis %1</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Valid</source>
        <translation>Gültig</translation>
    </message>
    <message>
        <location line="+53"/>
        <source>Kind</source>
        <translation>Art</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Name / subject / image</source>
        <translation>Name / Subjekt / Image</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Detail</source>
        <translation>Detail</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Validity</source>
        <translation>Gültigkeit</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>ID</source>
        <translation>ID</translation>
    </message>
    <message>
        <source>Used</source>
        <translation>Verbraucht</translation>
    </message>
</context>
<context>
    <name>ta::models::AuthoritySlotModel</name>
    <message>
        <location filename="../models/AuthoritySlotModel.cpp" line="+63"/>
        <source>Prepared</source>
        <translation>Vorbereitet</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Active</source>
        <translation>Aktiv</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Old</source>
        <translation>Alt</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Revoked</source>
        <translation>Widerrufen</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1, tainted</source>
        <translation>%1, kompromittiert</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>X.509</source>
        <translation>X.509</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>JWT</source>
        <translation>JWT</translation>
    </message>
    <message>
        <location line="+47"/>
        <source>Kind</source>
        <translation>Art</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Authority ID</source>
        <translation>Autoritäts-ID</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Created</source>
        <translation>Angelegt</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Expires</source>
        <translation>Läuft ab</translation>
    </message>
</context>
<context>
    <name>ta::models::AuthorityStatusCommand</name>
    <message>
        <location filename="../models/AuthorityStatusCommand.cpp" line="+22"/>
        <source>Activate authority in %1</source>
        <translation>Autorität in %1 aktivieren</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Taint authority in %1</source>
        <translation>Autorität in %1 als kompromittiert markieren</translation>
    </message>
</context>
<context>
    <name>ta::models::CreateTrustDomainCommand</name>
    <message>
        <location filename="../models/CreateTrustDomainCommand.cpp" line="+11"/>
        <source>Create trust domain %1</source>
        <translation>Vertrauensdomäne %1 anlegen</translation>
    </message>
</context>
<context>
    <name>ta::models::CredentialModel</name>
    <message>
        <location filename="../models/CredentialModel.cpp" line="+61"/>
        <source>Valid</source>
        <translation>Gültig</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Expired</source>
        <translation>Abgelaufen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Revoked</source>
        <translation>Widerrufen</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>X509-SVID</source>
        <translation>X509-SVID</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>JWT-SVID</source>
        <translation>JWT-SVID</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>SPIFFE ID</source>
        <translation>SPIFFE-ID</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Type</source>
        <translation>Typ</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Trust domain</source>
        <translation>Vertrauensdomäne</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Expires</source>
        <translation>Läuft ab</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Serial / fingerprint</source>
        <translation>Seriennummer / Fingerabdruck</translation>
    </message>
</context>
<context>
    <name>ta::models::DeleteTrustDomainCommand</name>
    <message>
        <location filename="../models/DeleteTrustDomainCommand.cpp" line="+12"/>
        <source>Delete trust domain %1</source>
        <translation>Vertrauensdomäne %1 löschen</translation>
    </message>
</context>
<context>
    <name>ta::models::EntryDraft</name>
    <message>
        <location filename="../models/EntryDraft.cpp" line="+49"/>
        <source>Add entry %1</source>
        <translation>Eintrag %1 hinzufügen</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Duplicate entry %1</source>
        <translation>Eintrag %1 duplizieren</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Remove entry %1</source>
        <translation>Eintrag %1 entfernen</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Move entry %1</source>
        <translation>Eintrag %1 verschieben</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Edit entry %1</source>
        <translation>Eintrag %1 bearbeiten</translation>
    </message>
</context>
<context>
    <name>ta::models::IssueCredentialCommand</name>
    <message>
        <location filename="../models/IssueCredentialCommand.cpp" line="+13"/>
        <source>Issue X509-SVID %1</source>
        <translation>X509-SVID %1 ausstellen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Issue JWT-SVID %1</source>
        <translation>JWT-SVID %1 ausstellen</translation>
    </message>
</context>
<context>
    <name>ta::models::PolicyDraft</name>
    <message>
        <location filename="../models/PolicyDraft.cpp" line="+78"/>
        <source>Add policy %1</source>
        <translation>Richtlinie %1 hinzufügen</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Duplicate policy %1</source>
        <translation>Richtlinie %1 duplizieren</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Remove policy %1</source>
        <translation>Richtlinie %1 entfernen</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Move policy %1</source>
        <translation>Richtlinie %1 verschieben</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Edit policy %1</source>
        <translation>Richtlinie %1 bearbeiten</translation>
    </message>
</context>
<context>
    <name>ta::models::SetCredentialStatusCommand</name>
    <message>
        <location filename="../models/SetCredentialStatusCommand.cpp" line="+16"/>
        <source>Revoke credential %1</source>
        <translation>Nachweis %1 widerrufen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reinstate credential %1</source>
        <translation>Nachweis %1 wieder gültig machen</translation>
    </message>
</context>
<context>
    <name>ta::models::TrustDomainModel</name>
    <message>
        <location filename="../models/TrustDomainModel.cpp" line="+69"/>
        <source>Trust domain</source>
        <translation>Vertrauensdomäne</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Key type</source>
        <translation>Schlüsseltyp</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Sequence</source>
        <translation>Sequenz</translation>
    </message>
</context>
<context>
    <name>ta::views::AnchorDetails</name>
    <message>
        <location filename="../views/AnchorDetails.cpp" line="+17"/>
        <source>open</source>
        <translation>offen</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Select a trust anchor or reference value to see its details.</source>
        <translation>Wählen Sie einen Vertrauensanker oder Referenzwert, um seine Details zu sehen.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Kind</source>
        <translation>Art</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>ID</source>
        <translation>ID</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Node</source>
        <translation>Knoten</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>PCR</source>
        <translation>PCR</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>%1, index %2</source>
        <translation>%1, Index %2</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Golden value</source>
        <translation>Referenzwert</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Image repository</source>
        <translation>Image-Repository</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Allowed digest</source>
        <translation>Erlaubter Digest</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Issuer</source>
        <translation>Aussteller</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Audiences</source>
        <translation>Zielgruppen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Service accounts allowed</source>
        <translation>Erlaubte Dienstkonten</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Projects allowed</source>
        <translation>Erlaubte Projekte</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>no allow list: any is accepted, with a warning</source>
        <translation>keine Positivliste: alle werden akzeptiert, mit Warnung</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Public key</source>
        <translation>Öffentlicher Schlüssel</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+5"/>
        <source>%1, SPKI SHA-256 %2</source>
        <translation>%1, SPKI-SHA-256 %2</translation>
    </message>
    <message>
        <location line="-1"/>
        <source>Key %1</source>
        <translation>Schlüssel %1</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Certificate</source>
        <translation>Zertifikat</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>    issuer %1, serial %2</source>
        <translation>    Aussteller %1, Seriennummer %2</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>    valid %1 to %2%3</source>
        <translation>    gültig %1 bis %2%3</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>, CA</source>
        <translation>, CA</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>    SHA-256 %1</source>
        <translation>    SHA-256 %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Token SHA-256</source>
        <translation>Token-SHA-256</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The token itself is not stored: it was shown once, when it was created. It is accepted once, until it expires.</source>
        <translation>Das Token selbst wird nicht gespeichert: Es wurde einmal angezeigt, als es erzeugt wurde. Es wird einmal akzeptiert, bis es abläuft.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Valid</source>
        <translation>Gültig</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>%1 to %2</source>
        <translation>%1 bis %2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Stored entry:</source>
        <translation>Gespeicherter Eintrag:</translation>
    </message>
    <message>
        <source>Records verified</source>
        <translation>Geprüfte Datensätze</translation>
    </message>
    <message>
        <source>    %1  %2  %3</source>
        <translation>    %1  %2  %3</translation>
    </message>
    <message numerus="yes">
        <source>    … and %n more</source>
        <translation>
            <numerusform>    … und %n weiterer</numerusform>
            <numerusform>    … und %n weitere</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ta::core::AnchorKinds</name>
    <message>
        <source>C&amp;luster:</source>
        <translation>C&amp;luster:</translation>
    </message>
    <message>
        <source>&amp;Issuer:</source>
        <translation>&amp;Aussteller:</translation>
    </message>
    <message>
        <source>&amp;Audience:</source>
        <translation>&amp;Zielgruppe:</translation>
    </message>
    <message>
        <source>&amp;JWKS:</source>
        <translation>&amp;JWKS:</translation>
    </message>
    <message>
        <source>Ser&amp;vice accounts allowed:</source>
        <translation>Erlaubte Diens&amp;tkonten:</translation>
    </message>
    <message>
        <source>&amp;Node label keys:</source>
        <translation>&amp;Knoten-Label-Schlüssel:</translation>
    </message>
    <message>
        <source>&amp;Pod label keys:</source>
        <translation>&amp;Pod-Label-Schlüssel:</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <source>&amp;Projects allowed:</source>
        <translation>Erlaubte &amp;Projekte:</translation>
    </message>
    <message>
        <source>&amp;Certificate (PEM):</source>
        <translation>&amp;Zertifikat (PEM):</translation>
    </message>
    <message>
        <source>&amp;CA certificates (PEM):</source>
        <translation>&amp;CA-Zertifikate (PEM):</translation>
    </message>
    <message>
        <source>&amp;Token:</source>
        <translation>&amp;Token:</translation>
    </message>
    <message>
        <source>Time to &amp;live:</source>
        <translation>&amp;Gültigkeitsdauer:</translation>
    </message>
    <message>
        <source>C&amp;reated at:</source>
        <translation>Er&amp;zeugt am:</translation>
    </message>
    <message>
        <source>&amp;Node:</source>
        <translation>&amp;Knoten:</translation>
    </message>
    <message>
        <source>&amp;Attestation key (PEM):</source>
        <translation>&amp;Attestierungsschlüssel (PEM):</translation>
    </message>
    <message>
        <source>&amp;Public key (PEM):</source>
        <translation>Ö&amp;ffentlicher Schlüssel (PEM):</translation>
    </message>
    <message>
        <source>&amp;Bank:</source>
        <translation>&amp;Bank:</translation>
    </message>
    <message>
        <source>&amp;Index:</source>
        <translation>&amp;Index:</translation>
    </message>
    <message>
        <source>&amp;Value (hex):</source>
        <translation>&amp;Wert (hex):</translation>
    </message>
    <message>
        <source>&amp;Image repository:</source>
        <translation>&amp;Image-Repository:</translation>
    </message>
    <message>
        <source>Di&amp;gest:</source>
        <translation>Di&amp;gest:</translation>
    </message>
    <message>
        <source>Valid &amp;from:</source>
        <translation>Gültig a&amp;b:</translation>
    </message>
    <message>
        <source>Valid &amp;until:</source>
        <translation>Gültig b&amp;is:</translation>
    </message>
    <message>
        <source>I&amp;D:</source>
        <translation>I&amp;D:</translation>
    </message>
    <message>
        <source>separated by commas</source>
        <translation>durch Kommas getrennt</translation>
    </message>
    <message>
        <source>derived from the entry</source>
        <translation>aus dem Eintrag abgeleitet</translation>
    </message>
    <message>
        <source>Paste PEM text, or load it from a file</source>
        <translation>PEM-Text einfügen oder aus einer Datei laden</translation>
    </message>
    <message>
        <source>Paste the JWKS (JSON), or load it from a file</source>
        <translation>JWKS (JSON) einfügen oder aus einer Datei laden</translation>
    </message>
    <message>
        <source>Instance &amp;label keys:</source>
        <translation>Instanz-&amp;Label-Schlüssel:</translation>
    </message>
    <message>
        <source>&amp;Metadata keys:</source>
        <translation>&amp;Metadaten-Schlüssel:</translation>
    </message>
    <message>
        <source>Ma&amp;x metadata value size:</source>
        <translation>Ma&amp;ximale Größe eines Metadatenwerts:</translation>
    </message>
    <message>
        <source>bytes; SPIRE&apos;s default when empty</source>
        <translation>Bytes; leer: SPIREs Vorgabe</translation>
    </message>
</context>
<context>
    <name>ta::views::AnchorEntryDialog</name>
    <message>
        <location line="+46"/>
        <source>PEM or JSON files (*.pem *.crt *.json);;All files (*)</source>
        <translation>PEM- oder JSON-Dateien (*.pem *.crt *.json);;Alle Dateien (*)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>New Trust Anchor</source>
        <translation>Neuer Vertrauensanker</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>New Reference Value</source>
        <translation>Neuer Referenzwert</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Edit Trust Anchor</source>
        <translation>Vertrauensanker bearbeiten</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Edit Reference Value</source>
        <translation>Referenzwert bearbeiten</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>&amp;Kind:</source>
        <translation>A&amp;rt:</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>&amp;Save</source>
        <translation>&amp;Speichern</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Load from File…</source>
        <translation>Aus Datei laden…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Load %1</source>
        <translation>%1 laden</translation>
    </message>
    <message>
        <location line="+31"/>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>set</source>
        <translation>gesetzt</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>&amp;Copy</source>
        <translation>&amp;Kopieren</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Generate New</source>
        <translation>&amp;Neu erzeugen</translation>
    </message>
    <message>
        <location line="+62"/>
        <source>SHA-256 %1</source>
        <translation>SHA-256 %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Only the token&apos;s SHA-256 is stored: the token itself cannot be shown again.</source>
        <translation>Nur der SHA-256 des Tokens wird gespeichert: Das Token selbst kann nicht erneut angezeigt werden.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Copy this token now and hand it to the node: only its SHA-256 is stored, so it is shown this once.</source>
        <translation>Kopieren Sie dieses Token jetzt und übergeben Sie es dem Knoten: Nur sein SHA-256 wird gespeichert, daher wird es nur dieses eine Mal angezeigt.</translation>
    </message>
    <message>
        <location line="+184"/>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
</context>
<context>
    <name>ta::views::AnchorPanel</name>
    <message>
        <location filename="../views/AnchorPanel.cpp" line="+55"/>
        <source>Filter by name, issuer, digest, ID…</source>
        <translation>Nach Name, Aussteller, Digest, ID filtern…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Fi&amp;lter:</source>
        <translation>Fi&amp;lter:</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>All kinds</source>
        <translation>Alle Arten</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Kind:</source>
        <translation>A&amp;rt:</translation>
    </message>
    <message>
        <location line="+52"/>
        <source>New &amp;Trust Anchor…</source>
        <translation>Neuer &amp;Vertrauensanker…</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Add a trust anchor (undoable)</source>
        <translation>Einen Vertrauensanker hinzufügen (rückgängig machbar)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ctrl+Shift+A</source>
        <translation>Ctrl+Shift+A</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>New &amp;Reference Value…</source>
        <translation>Neuer &amp;Referenzwert…</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Add a golden PCR value or an image digest</source>
        <translation>Einen Referenz-PCR-Wert oder einen Image-Digest hinzufügen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ctrl+Shift+R</source>
        <translation>Ctrl+Shift+R</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Edit…</source>
        <translation>&amp;Bearbeiten…</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Edit the selected entry (undoable)</source>
        <translation>Den gewählten Eintrag bearbeiten (rückgängig machbar)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Re&amp;move</source>
        <translation>&amp;Entfernen</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Remove the selected entry (undoable)</source>
        <translation>Den gewählten Eintrag entfernen (rückgängig machbar)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Import Anchors…</source>
        <translation>Anker &amp;importieren…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Import an anchors file; a file with a bad entry imports nothing</source>
        <translation>Eine Anker-Datei importieren; eine Datei mit einem fehlerhaften Eintrag importiert nichts</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ctrl+Shift+I</source>
        <translation>Ctrl+Shift+I</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>E&amp;xport Anchors…</source>
        <translation>Anker e&amp;xportieren…</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Write every entry to an anchors file</source>
        <translation>Alle Einträge in eine Anker-Datei schreiben</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ctrl+Shift+E</source>
        <translation>Ctrl+Shift+E</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Anchors files (*.json);;All files (*)</source>
        <translation>Anker-Dateien (*.json);;Alle Dateien (*)</translation>
    </message>
    <message>
        <location line="+100"/>
        <source>Saved %1. Undo takes it back.</source>
        <translation>%1 gespeichert. Rückgängig nimmt es zurück.</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Removed %1. Undo puts it back.</source>
        <translation>%1 entfernt. Rückgängig stellt es wieder her.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Import Anchors</source>
        <translation>Anker importieren</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Export Anchors</source>
        <translation>Anker exportieren</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>Nothing was imported. Entry %1: %2 (%3)</source>
        <translation>Nichts wurde importiert. Eintrag %1: %2 (%3)</translation>
    </message>
    <message>
        <location line="-17"/>
        <location line="+24"/>
        <source>Nothing was imported: %1</source>
        <translation>Nichts wurde importiert: %1</translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>Imported %n entry(ies) from %1. Undo takes the import back.</source>
        <translation>
            <numerusform>%n Eintrag aus %1 importiert. Rückgängig nimmt den Import zurück.</numerusform>
            <numerusform>%n Einträge aus %1 importiert. Rückgängig nimmt den Import zurück.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+22"/>
        <source>Exported %n entry(ies) to %1; join tokens as their SHA-256 only.</source>
        <translation>
            <numerusform>%n Eintrag nach %1 exportiert; Join-Tokens nur als ihr SHA-256.</numerusform>
            <numerusform>%n Einträge nach %1 exportiert; Join-Tokens nur als ihr SHA-256.</numerusform>
        </translation>
    </message>
    <message>
        <location line="-33"/>
        <source>Nothing was imported. Entry %1: %2</source>
        <translation>Nichts wurde importiert. Eintrag %1: %2</translation>
    </message>
    <message>
        <source>Imported %1 entries from %2. Undo takes the import back.</source>
        <translation>%1 Einträge aus %2 importiert. Rückgängig nimmt den Import zurück.</translation>
    </message>
    <message>
        <source>Exported %1 entries to %2; join tokens as their SHA-256 only.</source>
        <translation>%1 Einträge nach %2 exportiert; Join-Tokens nur als ihr SHA-256.</translation>
    </message>
    <message>
        <source>Nothing was imported. Line %1: %2</source>
        <translation>Nichts wurde importiert. Zeile %1: %2</translation>
    </message>
</context>
<context>
    <name>ta::views::AuthorityPanel</name>
    <message>
        <location filename="../views/AuthorityPanel.cpp" line="+28"/>
        <source>Prepare &amp;X.509</source>
        <translation>&amp;X.509 vorbereiten</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Prepare a new X.509 authority (published in the bundle at once; cannot be undone)</source>
        <translation>Eine neue X.509-Autorität vorbereiten (wird sofort im Bundle veröffentlicht; nicht rückgängig zu machen)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Prepare &amp;JWT</source>
        <translation>&amp;JWT vorbereiten</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Prepare a new JWT authority (published in the bundle at once; cannot be undone)</source>
        <translation>Eine neue JWT-Autorität vorbereiten (wird sofort im Bundle veröffentlicht; nicht rückgängig zu machen)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Activate</source>
        <translation>&amp;Aktivieren</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Make the selected prepared authority the one that signs</source>
        <translation>Die gewählte vorbereitete Autorität zur signierenden machen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Taint</source>
        <translation>Als kompromittiert &amp;markieren</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Mark the selected old authority so its credentials are re-issued</source>
        <translation>Die gewählte alte Autorität markieren, damit ihre Nachweise neu ausgestellt werden</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Revoke</source>
        <translation>&amp;Widerrufen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Remove the selected tainted authority from the bundle for good</source>
        <translation>Die gewählte kompromittierte Autorität endgültig aus dem Bundle entfernen</translation>
    </message>
    <message>
        <location line="+81"/>
        <source>Prepare Authority</source>
        <translation>Autorität vorbereiten</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A new %1 authority of %2 is published in the bundle at once, and relying parties may fetch it. This cannot be undone, and clears the undo history.</source>
        <translation>Eine neue %1-Autorität von %2 wird sofort im Bundle veröffentlicht, und vertrauende Parteien können sie abrufen. Das lässt sich nicht rückgängig machen und leert den Rückgängig-Verlauf.</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>Revoke Authority</source>
        <translation>Autorität widerrufen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Authority %1 leaves the bundle of %2 for good, and everything it signed stops validating. As in SPIRE, revocation is final: this cannot be undone, and clears the undo history.</source>
        <translation>Autorität %1 verlässt das Bundle von %2 endgültig, und alles, was sie signiert hat, wird nicht mehr als gültig erkannt. Wie in SPIRE ist der Widerruf endgültig: Er lässt sich nicht rückgängig machen und leert den Rückgängig-Verlauf.</translation>
    </message>
</context>
<context>
    <name>ta::views::BundleView</name>
    <message>
        <location filename="../views/BundleView.cpp" line="+28"/>
        <source>SPIFFE bundle (JWKS)</source>
        <translation>SPIFFE-Bundle (JWKS)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>PEM (X.509 authorities)</source>
        <translation>PEM (X.509-Autoritäten)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Format:</source>
        <translation>&amp;Format:</translation>
    </message>
    <message>
        <location line="+41"/>
        <source>No trust domain selected</source>
        <translation>Keine Vertrauensdomäne ausgewählt</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Sequence %1 · refresh hint %2 · %3 X.509 and %4 JWT authorities</source>
        <translation>Sequenz %1 · Aktualisierungshinweis %2 · %3 X.509- und %4 JWT-Autoritäten</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>none</source>
        <translation>keine</translation>
    </message>
</context>
<context>
    <name>ta::views::CelEditor</name>
    <message>
        <location filename="../views/CelEditor.cpp" line="+99"/>
        <source>a condition must be a bool, not %1</source>
        <translation>eine Bedingung muss ein bool sein, nicht %1</translation>
    </message>
    <message>
        <location line="+102"/>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Example from the evidence: %1</source>
        <translation>Beispiel aus den Nachweisen: %1</translation>
    </message>
</context>
<context>
    <name>ta::views::ClearKeysBanner</name>
    <message>
        <location filename="../views/ClearKeysBanner.cpp" line="+18"/>
        <source>&lt;b&gt;Keys stored in clear.&lt;/b&gt; The private keys of this workspace are not encrypted: use it for demos and tests only.</source>
        <translation>&lt;b&gt;Schlüssel unverschlüsselt gespeichert.&lt;/b&gt; Die privaten Schlüssel dieses Arbeitsbereichs sind nicht verschlüsselt: nur für Vorführungen und Tests verwenden.</translation>
    </message>
</context>
<context>
    <name>ta::views::CredentialInspector</name>
    <message>
        <location filename="../views/CredentialInspector.cpp" line="+72"/>
        <source>Certificate chain</source>
        <translation>Zertifikatskette</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Header and claims</source>
        <translation>Header und Claims</translation>
    </message>
    <message>
        <location line="+85"/>
        <source>No credential selected</source>
        <translation>Kein Nachweis ausgewählt</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Revoked in this workspace. Its signature still verifies against the bundle until it expires.</source>
        <translation>In diesem Arbeitsbereich widerrufen. Die Signatur lässt sich bis zum Ablauf weiterhin mit dem Bundle prüfen.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>not valid yet</source>
        <translation>noch nicht gültig</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>expired %1 min ago</source>
        <translation>seit %1 min abgelaufen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 min left</source>
        <translation>noch %1 min</translation>
    </message>
    <message>
        <location line="+8"/>
        <location line="+88"/>
        <source>Type</source>
        <translation>Typ</translation>
    </message>
    <message>
        <location line="-88"/>
        <source>X509-SVID</source>
        <translation>X509-SVID</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+88"/>
        <source>Trust domain</source>
        <translation>Vertrauensdomäne</translation>
    </message>
    <message>
        <location line="-85"/>
        <location line="+58"/>
        <location line="+8"/>
        <location line="+24"/>
        <location line="+30"/>
        <location line="+7"/>
        <source>Invalid: %1</source>
        <translation>Ungültig: %1</translation>
    </message>
    <message>
        <location line="-123"/>
        <location line="+92"/>
        <source>SPIFFE ID</source>
        <translation>SPIFFE-ID</translation>
    </message>
    <message>
        <location line="-91"/>
        <source>Subject</source>
        <translation>Subjekt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Issuer</source>
        <translation>Aussteller</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Serial</source>
        <translation>Seriennummer</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Valid from</source>
        <translation>Gültig ab</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Valid until</source>
        <translation>Gültig bis</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+100"/>
        <source>Validity</source>
        <translation>Gültigkeit</translation>
    </message>
    <message>
        <location line="-98"/>
        <source>Public key</source>
        <translation>Öffentlicher Schlüssel</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>EC, %1 bits</source>
        <translation>EC, %1 Bit</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>RSA, %1 bits</source>
        <translation>RSA, %1 Bit</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>other</source>
        <translation>andere</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Signature algorithm</source>
        <translation>Signaturalgorithmus</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Digital signature</source>
        <translation>Digitale Signatur</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Key encipherment</source>
        <translation>Schlüsselverschlüsselung</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Key agreement</source>
        <translation>Schlüsselvereinbarung</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Certificate signing</source>
        <translation>Zertifikatssignatur</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>CRL signing</source>
        <translation>CRL-Signatur</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Key usage</source>
        <translation>Schlüsselverwendung</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+11"/>
        <location line="+2"/>
        <location line="+102"/>
        <source>none</source>
        <translation>keine</translation>
    </message>
    <message>
        <location line="-111"/>
        <source>not restricted</source>
        <translation>nicht eingeschränkt</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>TLS server authentication</source>
        <translation>TLS-Server-Authentifizierung</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>TLS client authentication</source>
        <translation>TLS-Client-Authentifizierung</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Extended key usage</source>
        <translation>Erweiterte Schlüsselverwendung</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>DNS names</source>
        <translation>DNS-Namen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>CA certificate</source>
        <translation>CA-Zertifikat</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>yes</source>
        <translation>ja</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>no</source>
        <translation>nein</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>SHA-256 fingerprint</source>
        <translation>SHA-256-Fingerabdruck</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Authority ID</source>
        <translation>Autoritäts-ID</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1. %2 (issued by %3)</source>
        <translation>%1. %2 (ausgestellt von %3)</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>%1. %2 (trust anchor from the bundle)</source>
        <translation>%1. %2 (Vertrauensanker aus dem Bundle)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Valid: chains to the bundle of %1 (sequence %2) at %3.</source>
        <translation>Gültig: führt zum Bundle von %1 (Sequenz %2), geprüft am %3.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>JWT-SVID</source>
        <translation>JWT-SVID</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Audience</source>
        <translation>Zielgruppe</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Issued at</source>
        <translation>Ausgestellt am</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Expires</source>
        <translation>Läuft ab</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Algorithm</source>
        <translation>Algorithmus</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Key ID</source>
        <translation>Schlüssel-ID</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Token fingerprint</source>
        <translation>Token-Fingerabdruck</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Header:</source>
        <translation>Header:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Claims:</source>
        <translation>Claims:</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Valid: signed by key %1 of the bundle of %2 (sequence %3) at %4.</source>
        <translation>Gültig: signiert mit Schlüssel %1 aus dem Bundle von %2 (Sequenz %3), geprüft am %4.</translation>
    </message>
</context>
<context>
    <name>ta::views::CredentialPanel</name>
    <message>
        <location filename="../views/CredentialPanel.cpp" line="+40"/>
        <source>Filter by SPIFFE ID</source>
        <translation>Nach SPIFFE-ID filtern</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>F&amp;ilter:</source>
        <translation>F&amp;ilter:</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Re&amp;voke Credential</source>
        <translation>Nachweis &amp;widerrufen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Mark the selected credential revoked in this workspace (undoable)</source>
        <translation>Den gewählten Nachweis in diesem Arbeitsbereich als widerrufen markieren (rückgängig machbar)</translation>
    </message>
</context>
<context>
    <name>ta::views::ErrorMessages</name>
    <message>
        <location filename="../views/ErrorMessageTable.cpp" line="+340"/>
        <location line="+153"/>
        <source>The passphrase is wrong.</source>
        <translation>Die Passphrase ist falsch.</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+292"/>
        <source>This workspace is protected: enter its passphrase.</source>
        <translation>Dieser Arbeitsbereich ist geschützt: Geben Sie seine Passphrase ein.</translation>
    </message>
    <message>
        <location line="-445"/>
        <location line="+156"/>
        <location line="+292"/>
        <source>The passphrase cannot be empty.</source>
        <translation>Die Passphrase darf nicht leer sein.</translation>
    </message>
    <message>
        <source>The two passphrases typed differ.</source>
        <translation>Die beiden eingegebenen Passphrasen stimmen nicht überein.</translation>
    </message>
    <message>
        <location line="-289"/>
        <source>A file of that name exists already.</source>
        <translation>Eine Datei dieses Namens existiert bereits.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The file does not exist.</source>
        <translation>Die Datei existiert nicht.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>This file is not a Trust Atlas workspace.</source>
        <translation>Diese Datei ist kein Trust-Atlas-Arbeitsbereich.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>This workspace was written by a newer Trust Atlas.</source>
        <translation>Dieser Arbeitsbereich wurde von einer neueren Trust-Atlas-Version geschrieben.</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+280"/>
        <source>The file cannot be read.</source>
        <translation>Die Datei kann nicht gelesen werden.</translation>
    </message>
    <message>
        <location line="-277"/>
        <source>A trust domain of that name exists already.</source>
        <translation>Eine Vertrauensdomäne dieses Namens existiert bereits.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>There is no such trust domain.</source>
        <translation>Diese Vertrauensdomäne gibt es nicht.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>There is no such credential.</source>
        <translation>Diesen Nachweis gibt es nicht.</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+9"/>
        <source>The workspace file could not be written or read.</source>
        <translation>Die Arbeitsbereichsdatei konnte nicht geschrieben oder gelesen werden.</translation>
    </message>
    <message>
        <location line="+268"/>
        <source>This credential is revoked already.</source>
        <translation>Dieser Nachweis ist bereits widerrufen.</translation>
    </message>
    <message>
        <location line="-346"/>
        <source>An authority of this kind is prepared already.</source>
        <translation>Eine Autorität dieser Art ist bereits vorbereitet.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Prepare an authority of this kind before activating it.</source>
        <translation>Bereiten Sie eine Autorität dieser Art vor, bevor Sie sie aktivieren.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Only an old authority can be tainted.</source>
        <translation>Nur eine alte Autorität kann als kompromittiert markiert werden.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>This authority is tainted already.</source>
        <translation>Diese Autorität ist bereits als kompromittiert markiert.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Taint an authority before revoking it.</source>
        <translation>Markieren Sie eine Autorität als kompromittiert, bevor Sie sie widerrufen.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>This authority is revoked already.</source>
        <translation>Diese Autorität ist bereits widerrufen.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>There is no such authority.</source>
        <translation>Diese Autorität gibt es nicht.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The SPIFFE ID belongs to another trust domain.</source>
        <translation>Die SPIFFE-ID gehört zu einer anderen Vertrauensdomäne.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>A workload&apos;s SPIFFE ID needs a path after the trust domain.</source>
        <translation>Die SPIFFE-ID eines Workloads braucht einen Pfad nach der Vertrauensdomäne.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The trust domain has no active authority to sign with.</source>
        <translation>Die Vertrauensdomäne hat keine aktive Autorität zum Signieren.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The active authority has expired.</source>
        <translation>Die aktive Autorität ist abgelaufen.</translation>
    </message>
    <message>
        <location line="-165"/>
        <location line="+3"/>
        <source>A JWT-SVID needs at least one audience.</source>
        <translation>Ein JWT-SVID braucht mindestens eine Zielgruppe.</translation>
    </message>
    <message>
        <location line="-311"/>
        <source>Enter a SPIFFE ID.</source>
        <translation>Geben Sie eine SPIFFE-ID ein.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>A SPIFFE ID starts with spiffe://.</source>
        <translation>Eine SPIFFE-ID beginnt mit spiffe://.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The scheme must be written spiffe:// in lowercase.</source>
        <translation>Das Schema muss kleingeschrieben spiffe:// lauten.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The SPIFFE ID names no trust domain.</source>
        <translation>Die SPIFFE-ID nennt keine Vertrauensdomäne.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The path has an empty segment (two slashes in a row).</source>
        <translation>Der Pfad hat ein leeres Segment (zwei Schrägstriche hintereinander).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The path may not contain &quot;.&quot; or &quot;..&quot; segments.</source>
        <translation>Der Pfad darf keine Segmente „.“ oder „..“ enthalten.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The path may not end with a slash.</source>
        <translation>Der Pfad darf nicht mit einem Schrägstrich enden.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The path may hold only letters, digits, dots, dashes and underscores.</source>
        <translation>Der Pfad darf nur Buchstaben, Ziffern, Punkte, Bindestriche und Unterstriche enthalten.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>A SPIFFE ID may not have a query part.</source>
        <translation>Eine SPIFFE-ID darf keinen Query-Teil haben.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>A SPIFFE ID may not have a fragment.</source>
        <translation>Eine SPIFFE-ID darf kein Fragment haben.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>A SPIFFE ID may not use percent-encoding.</source>
        <translation>Eine SPIFFE-ID darf keine Prozentkodierung verwenden.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The SPIFFE ID is longer than 2048 bytes.</source>
        <translation>Die SPIFFE-ID ist länger als 2048 Byte.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Enter a trust domain name.</source>
        <translation>Geben Sie einen Namen für die Vertrauensdomäne ein.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>A trust domain name is written in lowercase.</source>
        <translation>Der Name einer Vertrauensdomäne wird kleingeschrieben.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>A trust domain name holds only lowercase letters, digits, dots, dashes and underscores.</source>
        <translation>Der Name einer Vertrauensdomäne enthält nur Kleinbuchstaben, Ziffern, Punkte, Bindestriche und Unterstriche.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>A trust domain name may not have a port.</source>
        <translation>Der Name einer Vertrauensdomäne darf keinen Port haben.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>A trust domain name may not have user information.</source>
        <translation>Der Name einer Vertrauensdomäne darf keine Benutzerangaben enthalten.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The trust domain name is longer than 255 characters.</source>
        <translation>Der Name der Vertrauensdomäne ist länger als 255 Zeichen.</translation>
    </message>
    <message>
        <location line="+76"/>
        <source>The certificate has expired.</source>
        <translation>Das Zertifikat ist abgelaufen.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The certificate is not valid yet.</source>
        <translation>Das Zertifikat ist noch nicht gültig.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The chain does not lead to an authority of the bundle.</source>
        <translation>Die Kette führt zu keiner Autorität des Bundles.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>A signature in the chain does not verify.</source>
        <translation>Eine Signatur in der Kette lässt sich nicht bestätigen.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The SVID belongs to another trust domain than the bundle.</source>
        <translation>Das SVID gehört zu einer anderen Vertrauensdomäne als das Bundle.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The bundle holds no X.509 authority.</source>
        <translation>Das Bundle enthält keine X.509-Autorität.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>There is no certificate to check.</source>
        <translation>Es gibt kein Zertifikat zu prüfen.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The certificate carries no SPIFFE ID.</source>
        <translation>Das Zertifikat trägt keine SPIFFE-ID.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The certificate carries more than one URI.</source>
        <translation>Das Zertifikat trägt mehr als eine URI.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The leaf certificate is a CA certificate.</source>
        <translation>Das Endzertifikat ist ein CA-Zertifikat.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The certificate path is not valid.</source>
        <translation>Der Zertifizierungspfad ist nicht gültig.</translation>
    </message>
    <message>
        <location line="+111"/>
        <source>The token has expired.</source>
        <translation>Das Token ist abgelaufen.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The token is not valid yet.</source>
        <translation>Das Token ist noch nicht gültig.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The token&apos;s signature does not verify.</source>
        <translation>Die Signatur des Tokens lässt sich nicht bestätigen.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The token was signed by a key the bundle does not hold.</source>
        <translation>Das Token wurde mit einem Schlüssel signiert, den das Bundle nicht enthält.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The token is not meant for this audience.</source>
        <translation>Das Token ist nicht für diese Zielgruppe bestimmt.</translation>
    </message>
    <message>
        <location line="-84"/>
        <source>This is not a well-formed JWT.</source>
        <translation>Dies ist kein wohlgeformtes JWT.</translation>
    </message>
    <message>
        <location line="+87"/>
        <source>The bundle is for another trust domain.</source>
        <translation>Das Bundle gehört zu einer anderen Vertrauensdomäne.</translation>
    </message>
    <message>
        <location line="-12"/>
        <source>The token says it was issued in the future.</source>
        <translation>Laut Token wurde es in der Zukunft ausgestellt.</translation>
    </message>
    <message>
        <location line="+252"/>
        <source>The anchors file is not valid JSON.</source>
        <translation>Die Anker-Datei ist kein gültiges JSON.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>This kind of trust anchor or reference value is not known.</source>
        <translation>Diese Art von Vertrauensanker oder Referenzwert ist unbekannt.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>A required field is missing.</source>
        <translation>Ein Pflichtfeld fehlt.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>A field has a value that is not allowed.</source>
        <translation>Ein Feld hat einen unzulässigen Wert.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The PEM text holds no valid public key or certificate.</source>
        <translation>Der PEM-Text enthält keinen gültigen öffentlichen Schlüssel und kein gültiges Zertifikat.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The JWKS is not valid: it needs a &quot;keys&quot; array with at least one usable public key.</source>
        <translation>Das JWKS ist ungültig: Es braucht ein „keys“-Array mit mindestens einem verwendbaren öffentlichen Schlüssel.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>An entry with this ID exists already.</source>
        <translation>Ein Eintrag mit dieser ID existiert bereits.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The file holds no trust anchors or reference values.</source>
        <translation>Die Datei enthält keine Vertrauensanker oder Referenzwerte.</translation>
    </message>
    <message>
        <location line="+222"/>
        <location line="+3"/>
        <source>The file could not be written.</source>
        <translation>Die Datei konnte nicht geschrieben werden.</translation>
    </message>
    <message>
        <location line="-271"/>
        <source>There is no such trust anchor.</source>
        <translation>Diesen Vertrauensanker gibt es nicht.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>There is no such reference value.</source>
        <translation>Diesen Referenzwert gibt es nicht.</translation>
    </message>
    <message>
        <location filename="../views/ErrorMessages.cpp" line="+15"/>
        <source>This is not a valid SPIFFE ID.</source>
        <translation>Dies ist keine gültige SPIFFE-ID.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>This is not a valid trust domain name.</source>
        <translation>Dies ist kein gültiger Name für eine Vertrauensdomäne.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The trust bundle is not valid.</source>
        <translation>Das Vertrauens-Bundle ist nicht gültig.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The certificate is not a valid X509-SVID.</source>
        <translation>Das Zertifikat ist kein gültiges X509-SVID.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The token is not a valid JWT-SVID.</source>
        <translation>Das Token ist kein gültiges JWT-SVID.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The certificate authority refused the change.</source>
        <translation>Die Zertifizierungsstelle hat die Änderung abgelehnt.</translation>
    </message>
    <message>
        <location line="+2"/>
        <location filename="../views/ErrorMessageTable.cpp" line="-177"/>
        <location line="+3"/>
        <location line="+3"/>
        <location line="+24"/>
        <location line="+33"/>
        <location line="+3"/>
        <location line="+33"/>
        <location line="+208"/>
        <source>A cryptographic operation failed.</source>
        <translation>Eine kryptografische Operation ist fehlgeschlagen.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The trust anchors or reference values are not valid.</source>
        <translation>Die Vertrauensanker oder Referenzwerte sind ungültig.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The workspace could not complete the change.</source>
        <translation>Der Arbeitsbereich konnte die Änderung nicht abschließen.</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>Unexpected error (%1).</source>
        <translation>Unerwarteter Fehler (%1).</translation>
    </message>
    <message>
        <location filename="../views/ErrorMessageTable.cpp" line="-624"/>
        <source>The path of a SPIFFE ID must start with a slash.</source>
        <translation>Der Pfad einer SPIFFE-ID muss mit einem Schrägstrich beginnen.</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>This is not a trust domain name.</source>
        <translation>Dies ist kein Name einer Vertrauensdomäne.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>A trust domain name may not use percent-encoding.</source>
        <translation>Ein Name einer Vertrauensdomäne darf keine Prozentkodierung verwenden.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>The trust bundle is not valid JSON.</source>
        <translation>Das Vertrauensbündel ist kein gültiges JSON.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The trust bundle is not a JSON object.</source>
        <translation>Das Vertrauensbündel ist kein JSON-Objekt.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The trust bundle has no &quot;keys&quot; member.</source>
        <translation>Dem Vertrauensbündel fehlt das Element &quot;keys&quot;.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The &quot;keys&quot; member of the trust bundle is not an array.</source>
        <translation>Das Element &quot;keys&quot; des Vertrauensbündels ist kein Array.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>A key of the trust bundle is not a JSON object.</source>
        <translation>Ein Schlüssel des Vertrauensbündels ist kein JSON-Objekt.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>A key of the trust bundle has no key type (kty).</source>
        <translation>Einem Schlüssel des Vertrauensbündels fehlt der Schlüsseltyp (kty).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>A key of the trust bundle does not say its use.</source>
        <translation>Ein Schlüssel des Vertrauensbündels nennt seine Verwendung nicht.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>A key of the trust bundle has a use other than x509-svid or jwt-svid.</source>
        <translation>Ein Schlüssel des Vertrauensbündels hat eine andere Verwendung als x509-svid oder jwt-svid.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>A JWT authority of the trust bundle has no key ID.</source>
        <translation>Einer JWT-Autorität des Vertrauensbündels fehlt die Schlüssel-ID.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Two JWT authorities of the trust bundle share one key ID.</source>
        <translation>Zwei JWT-Autoritäten des Vertrauensbündels teilen eine Schlüssel-ID.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>A key of the trust bundle is not a valid public key.</source>
        <translation>Ein Schlüssel des Vertrauensbündels ist kein gültiger öffentlicher Schlüssel.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>A key of the trust bundle is of a type that is not supported.</source>
        <translation>Ein Schlüssel des Vertrauensbündels hat einen nicht unterstützten Typ.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>An X.509 authority of the trust bundle has no certificate (x5c).</source>
        <translation>Einer X.509-Autorität des Vertrauensbündels fehlt das Zertifikat (x5c).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>An X.509 authority of the trust bundle must hold exactly one certificate.</source>
        <translation>Eine X.509-Autorität des Vertrauensbündels muss genau ein Zertifikat enthalten.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The certificate of an X.509 authority is not valid base64.</source>
        <translation>Das Zertifikat einer X.509-Autorität ist kein gültiges Base64.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The certificate of an X.509 authority cannot be read.</source>
        <translation>Das Zertifikat einer X.509-Autorität kann nicht gelesen werden.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The certificate of an X.509 authority does not hold the key beside it.</source>
        <translation>Das Zertifikat einer X.509-Autorität enthält nicht den Schlüssel daneben.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The trust bundle holds no key.</source>
        <translation>Das Vertrauensbündel enthält keinen Schlüssel.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The trust bundle holds no certificate.</source>
        <translation>Das Vertrauensbündel enthält kein Zertifikat.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The PEM bundle holds no certificate.</source>
        <translation>Das PEM-Bündel enthält kein Zertifikat.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The trust bundle names no trust domain.</source>
        <translation>Das Vertrauensbündel nennt keine Vertrauensdomäne.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The refresh hint of the trust bundle is not a positive number.</source>
        <translation>Der Aktualisierungshinweis des Vertrauensbündels ist keine positive Zahl.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The sequence number of the trust bundle is not a non-negative integer.</source>
        <translation>Die Sequenznummer des Vertrauensbündels ist keine nichtnegative ganze Zahl.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The trust bundle is older than the one held: its sequence number goes backwards.</source>
        <translation>Das Vertrauensbündel ist älter als das vorhandene: seine Sequenznummer geht zurück.</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>The certificate&apos;s URI is not a valid SPIFFE ID.</source>
        <translation>Die URI des Zertifikats ist keine gültige SPIFFE-ID.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The SPIFFE ID of a workload certificate has no path.</source>
        <translation>Die SPIFFE-ID eines Workload-Zertifikats hat keinen Pfad.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The certificate allows neither server nor client authentication.</source>
        <translation>Das Zertifikat erlaubt weder Server- noch Client-Authentifizierung.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The certificate has no key usage extension.</source>
        <translation>Das Zertifikat hat keine Schlüsselverwendungs-Erweiterung.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The key usage extension of the certificate is not marked critical.</source>
        <translation>Die Schlüsselverwendungs-Erweiterung des Zertifikats ist nicht als kritisch markiert.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The leaf certificate may sign revocation lists.</source>
        <translation>Das Blattzertifikat darf Sperrlisten signieren.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The leaf certificate may sign certificates.</source>
        <translation>Das Blattzertifikat darf Zertifikate signieren.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The leaf certificate does not allow digital signatures.</source>
        <translation>Das Blattzertifikat erlaubt keine digitalen Signaturen.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The chain is longer than a CA certificate allows.</source>
        <translation>Die Kette ist länger, als ein CA-Zertifikat erlaubt.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>A signing certificate carries an invalid SPIFFE ID.</source>
        <translation>Ein signierendes Zertifikat trägt eine ungültige SPIFFE-ID.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>A signing certificate allows digital signatures, which it may not.</source>
        <translation>Ein signierendes Zertifikat erlaubt digitale Signaturen, was es nicht darf.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>A signing certificate may not sign certificates.</source>
        <translation>Ein signierendes Zertifikat darf keine Zertifikate signieren.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>A certificate that signs another is not a CA certificate.</source>
        <translation>Ein Zertifikat, das ein anderes signiert, ist kein CA-Zertifikat.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>A part of the token is not valid base64url.</source>
        <translation>Ein Teil des Tokens ist kein gültiges base64url.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The token&apos;s header is not a JSON object.</source>
        <translation>Der Header des Tokens ist kein JSON-Objekt.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The token&apos;s claims are not a JSON object.</source>
        <translation>Die Claims des Tokens sind kein JSON-Objekt.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The token&apos;s header holds a member that is not allowed.</source>
        <translation>Der Header des Tokens enthält ein unzulässiges Element.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The token names critical header members that are not supported.</source>
        <translation>Das Token nennt nicht unterstützte kritische Header-Elemente.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The token&apos;s type is not JWT or JOSE.</source>
        <translation>Der Typ des Tokens ist nicht JWT oder JOSE.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The token names no signature algorithm.</source>
        <translation>Das Token nennt keinen Signaturalgorithmus.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The token is unsigned (algorithm none).</source>
        <translation>Das Token ist unsigniert (Algorithmus none).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The token uses an HMAC algorithm, which a JWT-SVID may not.</source>
        <translation>Das Token verwendet einen HMAC-Algorithmus, was ein JWT-SVID nicht darf.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The token uses EdDSA, which a JWT-SVID may not.</source>
        <translation>Das Token verwendet EdDSA, was ein JWT-SVID nicht darf.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The token&apos;s signature algorithm is not allowed.</source>
        <translation>Der Signaturalgorithmus des Tokens ist nicht erlaubt.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The token names no key ID.</source>
        <translation>Das Token nennt keine Schlüssel-ID.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The token&apos;s key ID is not a string.</source>
        <translation>Die Schlüssel-ID des Tokens ist keine Zeichenkette.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The token&apos;s algorithm does not fit the key that signed it.</source>
        <translation>Der Algorithmus des Tokens passt nicht zum signierenden Schlüssel.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The token has no subject.</source>
        <translation>Das Token hat kein Subjekt.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The token&apos;s subject is not a valid SPIFFE ID.</source>
        <translation>Das Subjekt des Tokens ist keine gültige SPIFFE-ID.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The token has no audience.</source>
        <translation>Das Token hat keine Zielgruppe.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The token&apos;s audience is not a string or a list of strings.</source>
        <translation>Die Zielgruppe des Tokens ist keine Zeichenkette oder Liste von Zeichenketten.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The token has no expiry.</source>
        <translation>Das Token hat kein Ablaufdatum.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The token&apos;s expiry is not a valid time.</source>
        <translation>Das Ablaufdatum des Tokens ist keine gültige Zeit.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The token&apos;s issue time is not a valid time.</source>
        <translation>Der Ausstellungszeitpunkt des Tokens ist keine gültige Zeit.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The token&apos;s not-before time is not a valid time.</source>
        <translation>Der Gültigkeitsbeginn des Tokens ist keine gültige Zeit.</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Give the audience the token must be meant for.</source>
        <translation>Geben Sie die Zielgruppe an, für die das Token bestimmt sein muss.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The bundle holds no JWT authority.</source>
        <translation>Das Bündel enthält keine JWT-Autorität.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>No time was given to check the token against.</source>
        <translation>Es wurde keine Zeit angegeben, gegen die das Token geprüft wird.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>A JWT-SVID needs a subject.</source>
        <translation>Ein JWT-SVID braucht ein Subjekt.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The signing key has no key ID.</source>
        <translation>Der Signaturschlüssel hat keine Schlüssel-ID.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The lifetime of the token must be positive.</source>
        <translation>Die Lebensdauer des Tokens muss positiv sein.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The signing key cannot sign a JWT-SVID.</source>
        <translation>Der Signaturschlüssel kann kein JWT-SVID signieren.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The key is encrypted and no passphrase was given.</source>
        <translation>Der Schlüssel ist verschlüsselt, und es wurde keine Passphrase angegeben.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The key cannot be read.</source>
        <translation>Der Schlüssel kann nicht gelesen werden.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>This is a public key; a private key is needed.</source>
        <translation>Dies ist ein öffentlicher Schlüssel; ein privater Schlüssel wird benötigt.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>The certificate cannot be read.</source>
        <translation>Das Zertifikat kann nicht gelesen werden.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The certificate is followed by data that does not belong to it.</source>
        <translation>Auf das Zertifikat folgen Daten, die nicht dazugehören.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The input holds no certificate.</source>
        <translation>Die Eingabe enthält kein Zertifikat.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The validity period is not valid: it must end after it starts.</source>
        <translation>Der Gültigkeitszeitraum ist ungültig: Er muss nach seinem Beginn enden.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The certificate request cannot be read.</source>
        <translation>Die Zertifikatsanforderung kann nicht gelesen werden.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The certificate request&apos;s signature does not verify.</source>
        <translation>Die Signatur der Zertifikatsanforderung lässt sich nicht prüfen.</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+108"/>
        <source>The certificate request holds no public key.</source>
        <translation>Die Zertifikatsanforderung enthält keinen öffentlichen Schlüssel.</translation>
    </message>
    <message>
        <location line="-102"/>
        <source>This is not a compact JWS (three parts joined by dots).</source>
        <translation>Dies ist kein kompaktes JWS (drei durch Punkte verbundene Teile).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>A part of the signed token is not valid base64url.</source>
        <translation>Ein Teil des signierten Tokens ist kein gültiges base64url.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The signature does not verify.</source>
        <translation>Die Signatur lässt sich nicht prüfen.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The signature has the wrong length for its algorithm.</source>
        <translation>Die Signatur hat die falsche Länge für ihren Algorithmus.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The ECDSA signature is not well formed.</source>
        <translation>Die ECDSA-Signatur ist nicht wohlgeformt.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The key&apos;s curve does not fit the algorithm.</source>
        <translation>Die Kurve des Schlüssels passt nicht zum Algorithmus.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The key&apos;s type does not fit the algorithm.</source>
        <translation>Der Typ des Schlüssels passt nicht zum Algorithmus.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The RSA key is too small.</source>
        <translation>Der RSA-Schlüssel ist zu klein.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>There is no key to sign or verify with.</source>
        <translation>Es gibt keinen Schlüssel zum Signieren oder Prüfen.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Signing needs a private key.</source>
        <translation>Zum Signieren wird ein privater Schlüssel benötigt.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>A required member of the JSON Web Key is missing.</source>
        <translation>Ein erforderliches Element des JSON Web Key fehlt.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>A member of the JSON Web Key has a value that is not allowed.</source>
        <translation>Ein Element des JSON Web Key hat einen unzulässigen Wert.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>A member of the JSON Web Key is not valid base64url.</source>
        <translation>Ein Element des JSON Web Key ist kein gültiges base64url.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The JSON Web Key is of a type that is not supported.</source>
        <translation>Der JSON Web Key hat einen nicht unterstützten Typ.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The JSON Web Key uses a curve that is not supported.</source>
        <translation>Der JSON Web Key verwendet eine nicht unterstützte Kurve.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>A coordinate of the JSON Web Key has the wrong length.</source>
        <translation>Eine Koordinate des JSON Web Key hat die falsche Länge.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The JSON Web Key&apos;s point is not on its curve.</source>
        <translation>Der Punkt des JSON Web Key liegt nicht auf seiner Kurve.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The RSA parameters of the JSON Web Key are not valid.</source>
        <translation>Die RSA-Parameter des JSON Web Key sind ungültig.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The JSON Web Key holds private key material, which is not allowed here.</source>
        <translation>Der JSON Web Key enthält privates Schlüsselmaterial, was hier nicht erlaubt ist.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>There is no key to export.</source>
        <translation>Es gibt keinen Schlüssel zum Exportieren.</translation>
    </message>
    <message>
        <location line="+87"/>
        <source>There is no such version of the policy set.</source>
        <translation>Es gibt keine solche Version der Richtlinienmenge.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The workspace stores a key in a form this version does not know.</source>
        <translation>Der Arbeitsbereich speichert einen Schlüssel in einer Form, die diese Version nicht kennt.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The refresh hint must be a positive number of seconds.</source>
        <translation>Der Aktualisierungshinweis muss eine positive Anzahl von Sekunden sein.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The demo workspace could not be set up.</source>
        <translation>Der Demo-Arbeitsbereich konnte nicht eingerichtet werden.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>An entry holds a field that its kind does not know.</source>
        <translation>Ein Eintrag enthält ein Feld, das seine Art nicht kennt.</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>The evidence file cannot be read.</source>
        <translation>Die Nachweisdatei kann nicht gelesen werden.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>A line of the evidence file is not a JSON object.</source>
        <translation>Eine Zeile der Nachweisdatei ist kein JSON-Objekt.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>An evidence record lacks a required field.</source>
        <translation>Einem Nachweis-Datensatz fehlt ein erforderliches Feld.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>A field of an evidence record has a value that is not allowed.</source>
        <translation>Ein Feld eines Nachweis-Datensatzes hat einen unzulässigen Wert.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The time of an evidence record is not an RFC 3339 time.</source>
        <translation>Die Zeit eines Nachweis-Datensatzes ist keine RFC-3339-Zeit.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The evidence records are not in time order.</source>
        <translation>Die Nachweis-Datensätze sind nicht zeitlich geordnet.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The workspace has no trust domain to name agents in.</source>
        <translation>Der Arbeitsbereich hat keine Vertrauensdomäne, in der Agenten benannt werden.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>A certificate in the evidence is not valid base64.</source>
        <translation>Ein Zertifikat im Nachweis ist kein gültiges Base64.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The TPM quote is not well formed.</source>
        <translation>Das TPM-Quote ist nicht wohlgeformt.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The TPM quote is truncated.</source>
        <translation>Das TPM-Quote ist abgeschnitten.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The TPM quote is followed by bytes that do not belong to it.</source>
        <translation>Auf das TPM-Quote folgen Bytes, die nicht dazugehören.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The TPM structure does not come from a TPM.</source>
        <translation>Die TPM-Struktur stammt nicht von einem TPM.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The TPM structure is not a quote.</source>
        <translation>Die TPM-Struktur ist kein Quote.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The TPM evidence payload is not valid.</source>
        <translation>Die Nutzlast des TPM-Nachweises ist ungültig.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The TPM quote uses a hash algorithm that is not supported.</source>
        <translation>Das TPM-Quote verwendet einen nicht unterstützten Hash-Algorithmus.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The TPM quote uses a signature algorithm that is not supported.</source>
        <translation>Das TPM-Quote verwendet einen nicht unterstützten Signaturalgorithmus.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The TPM quote&apos;s signature does not verify.</source>
        <translation>Die Signatur des TPM-Quotes lässt sich nicht prüfen.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>No attestation key is known for this TPM.</source>
        <translation>Für dieses TPM ist kein Attestierungsschlüssel bekannt.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The TPM quote was signed by another attestation key.</source>
        <translation>Das TPM-Quote wurde mit einem anderen Attestierungsschlüssel signiert.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The attestation key&apos;s type does not fit the quote&apos;s signature.</source>
        <translation>Der Typ des Attestierungsschlüssels passt nicht zur Signatur des Quotes.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The TPM quote does not carry the expected nonce.</source>
        <translation>Das TPM-Quote trägt nicht die erwartete Nonce.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The TPM quote covers other PCRs than the evidence lists.</source>
        <translation>Das TPM-Quote deckt andere PCRs ab, als der Nachweis aufführt.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The PCR values do not match the quote&apos;s digest.</source>
        <translation>Die PCR-Werte passen nicht zum Digest des Quotes.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>A PCR value is not valid.</source>
        <translation>Ein PCR-Wert ist ungültig.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>There are no reference PCR values to compare with.</source>
        <translation>Es gibt keine Referenz-PCR-Werte zum Vergleich.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>A PCR with a reference value is not in the quote.</source>
        <translation>Ein PCR mit Referenzwert ist nicht im Quote enthalten.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>A PCR differs from its reference value.</source>
        <translation>Ein PCR weicht von seinem Referenzwert ab.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The TPM quote could not be built from the values given.</source>
        <translation>Das TPM-Quote konnte aus den angegebenen Werten nicht erzeugt werden.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The lab settings are not valid.</source>
        <translation>Die Labor-Einstellungen sind ungültig.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The lab could not be set up.</source>
        <translation>Das Labor konnte nicht eingerichtet werden.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The lab could not create a platform&apos;s keys.</source>
        <translation>Das Labor konnte die Schlüssel einer Plattform nicht erzeugen.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The lab could not sign a document.</source>
        <translation>Das Labor konnte ein Dokument nicht signieren.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The lab could not sign an image.</source>
        <translation>Das Labor konnte ein Image nicht signieren.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The lab could not read a file.</source>
        <translation>Das Labor konnte eine Datei nicht lesen.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The lab could not write a file.</source>
        <translation>Das Labor konnte eine Datei nicht schreiben.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The policy file is not valid JSON.</source>
        <translation>Die Richtliniendatei ist kein gültiges JSON.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>A policy has a missing or wrong field.</source>
        <translation>Einer Richtlinie fehlt ein Feld, oder es ist falsch.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Two policies have the same name.</source>
        <translation>Zwei Richtlinien haben denselben Namen.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>A policy&apos;s condition is not a valid CEL expression.</source>
        <translation>Die Bedingung einer Richtlinie ist kein gültiger CEL-Ausdruck.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>A policy&apos;s SPIFFE ID template is not valid.</source>
        <translation>Die SPIFFE-ID-Vorlage einer Richtlinie ist ungültig.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The subject is not a valid JSON object.</source>
        <translation>Das Subjekt ist kein gültiges JSON-Objekt.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The registration entries are not valid JSON.</source>
        <translation>Die Registrierungseinträge sind kein gültiges JSON.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>A registration entry lacks a required field.</source>
        <translation>Einem Registrierungseintrag fehlt ein erforderliches Feld.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>A registration entry holds an invalid SPIFFE ID.</source>
        <translation>Ein Registrierungseintrag enthält eine ungültige SPIFFE-ID.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>A registration entry holds an invalid selector.</source>
        <translation>Ein Registrierungseintrag enthält einen ungültigen Selektor.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>A registration entry has no selectors.</source>
        <translation>Ein Registrierungseintrag hat keine Selektoren.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>A number in a registration entry is not valid.</source>
        <translation>Eine Zahl in einem Registrierungseintrag ist ungültig.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>A registration entry federates with an invalid trust domain.</source>
        <translation>Ein Registrierungseintrag föderiert mit einer ungültigen Vertrauensdomäne.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Two registration entries have the same ID.</source>
        <translation>Zwei Registrierungseinträge haben dieselbe ID.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>A selector must be written type:value.</source>
        <translation>Ein Selektor muss als Typ:Wert geschrieben werden.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The CEL expression has a syntax error.</source>
        <translation>Der CEL-Ausdruck hat einen Syntaxfehler.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The CEL expression does not type-check.</source>
        <translation>Der CEL-Ausdruck besteht die Typprüfung nicht.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The CEL expression failed to evaluate.</source>
        <translation>Der CEL-Ausdruck konnte nicht ausgewertet werden.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The CEL bindings are not valid JSON values.</source>
        <translation>Die CEL-Bindungen sind keine gültigen JSON-Werte.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>This command is not known.</source>
        <translation>Dieser Befehl ist nicht bekannt.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>An option is not known.</source>
        <translation>Eine Option ist nicht bekannt.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The command line is not valid.</source>
        <translation>Die Befehlszeile ist ungültig.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>An argument is missing.</source>
        <translation>Ein Argument fehlt.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>There is an argument too many.</source>
        <translation>Es gibt ein Argument zu viel.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>A required option is missing.</source>
        <translation>Eine erforderliche Option fehlt.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Two options exclude each other.</source>
        <translation>Zwei Optionen schließen einander aus.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>An option has a value that is not allowed.</source>
        <translation>Eine Option hat einen unzulässigen Wert.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>This key type is not known.</source>
        <translation>Dieser Schlüsseltyp ist nicht bekannt.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>This is not a duration such as 90s, 5m, 1h or 7d.</source>
        <translation>Dies ist keine Dauer wie 90s, 5m, 1h oder 7d.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>This is not a valid number.</source>
        <translation>Dies ist keine gültige Zahl.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>This is not an RFC 3339 time.</source>
        <translation>Dies ist keine RFC-3339-Zeit.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>A version is a positive number.</source>
        <translation>Eine Version ist eine positive Zahl.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The bindings must be a JSON object.</source>
        <translation>Die Bindungen müssen ein JSON-Objekt sein.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The workspace has no trust domain.</source>
        <translation>Der Arbeitsbereich hat keine Vertrauensdomäne.</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>The expression is longer than the limit.</source>
        <translation>Der Ausdruck ist länger als erlaubt.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The expression is nested deeper than the limit.</source>
        <translation>Der Ausdruck ist tiefer verschachtelt als erlaubt.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The expression has more terms than the limit.</source>
        <translation>Der Ausdruck hat mehr Terme als erlaubt.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The expression&apos;s estimated cost is over the limit.</source>
        <translation>Die geschätzten Kosten des Ausdrucks übersteigen das Limit.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The evaluation ran out of its step or memory budget.</source>
        <translation>Die Auswertung hat ihr Schritt- oder Speicherbudget aufgebraucht.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>This output format is not known.</source>
        <translation>Dieses Ausgabeformat ist unbekannt.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>This layout engine is not known.</source>
        <translation>Dieses Layoutverfahren ist unbekannt.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The input is larger than the limit.</source>
        <translation>Die Eingabe ist größer als erlaubt.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The file is not valid JSON.</source>
        <translation>Die Datei ist kein gültiges JSON.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>A JSON object names the same key twice.</source>
        <translation>Ein JSON-Objekt nennt denselben Schlüssel zweimal.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The PEM data is encrypted; untrusted input is never decrypted.</source>
        <translation>Die PEM-Daten sind verschlüsselt; nicht vertrauenswürdige Eingaben werden nie entschlüsselt.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The certificate request is encrypted.</source>
        <translation>Die Zertifikatsanforderung ist verschlüsselt.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The JOSE header&apos;s crit field is malformed.</source>
        <translation>Das crit-Feld des JOSE-Headers ist fehlerhaft.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The JOSE header names an extension that is not understood.</source>
        <translation>Der JOSE-Header nennt eine nicht unterstützte Erweiterung.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The evidence recording holds no records.</source>
        <translation>Die Evidenzaufzeichnung enthält keine Einträge.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>An evidence line is longer than the limit.</source>
        <translation>Eine Evidenzzeile ist länger als erlaubt.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>A record names an attestor that does not exist.</source>
        <translation>Ein Eintrag nennt einen Attestor, den es nicht gibt.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The subjects file holds no subjects.</source>
        <translation>Die Subjektdatei enthält keine Subjekte.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>A value stored in the workspace does not parse.</source>
        <translation>Ein im Arbeitsbereich gespeicherter Wert ist nicht lesbar.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The workspace file is cut short.</source>
        <translation>Die Arbeitsbereichsdatei ist abgeschnitten.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The workspace&apos;s schema was altered outside Trust Atlas.</source>
        <translation>Das Schema des Arbeitsbereichs wurde außerhalb von Trust Atlas verändert.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>There is no evidence to replay.</source>
        <translation>Es gibt keine Evidenz zum Abspielen.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Replaying evidence needs a trust domain for agent IDs.</source>
        <translation>Das Abspielen von Evidenz braucht eine Vertrauensdomäne für Agent-IDs.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>There is nothing to compare against.</source>
        <translation>Es gibt nichts, womit verglichen werden kann.</translation>
    </message>
    <message>
        <source>The operation was cancelled; nothing was saved.</source>
        <translation>Der Vorgang wurde abgebrochen; nichts wurde gespeichert.</translation>
    </message>
    <message>
        <source>The evidence changed while it was verified; nothing was saved.</source>
        <translation>Die Nachweise haben sich während der Prüfung geändert; nichts wurde gespeichert.</translation>
    </message>
    <message>
        <source>The run was cancelled; nothing was saved.</source>
        <translation>Der Lauf wurde abgebrochen; nichts wurde gespeichert.</translation>
    </message>
    <message>
        <source>This graph format is not known.</source>
        <translation>Dieses Graphformat ist unbekannt.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The graph has no such node.</source>
        <translation>Der Graph hat keinen solchen Knoten.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The graph has no such trust domain.</source>
        <translation>Der Graph hat keine solche Vertrauensdomäne.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Graphviz could not read the graph.</source>
        <translation>Graphviz konnte den Graphen nicht lesen.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Graphviz cannot render this format.</source>
        <translation>Graphviz kann dieses Format nicht ausgeben.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The layout was cancelled.</source>
        <translation>Das Layout wurde abgebrochen.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Graphviz could not lay out the graph.</source>
        <translation>Graphviz konnte den Graphen nicht anordnen.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Graphviz could not render the graph.</source>
        <translation>Graphviz konnte den Graphen nicht ausgeben.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Building the estate was cancelled.</source>
        <translation>Der Aufbau des Bestands wurde abgebrochen.</translation>
    </message>
    <message>
        <source>The bundle endpoint profile must be https_web or https_spiffe.</source>
        <translation>Das Profil des Bundle-Endpunkts muss https_web oder https_spiffe sein.</translation>
    </message>
    <message>
        <source>The bundle endpoint URL must be an https URL with a host.</source>
        <translation>Die URL des Bundle-Endpunkts muss eine https-URL mit einem Host sein.</translation>
    </message>
    <message>
        <source>The https_spiffe profile needs the endpoint&apos;s SPIFFE ID.</source>
        <translation>Das Profil https_spiffe braucht die SPIFFE-ID des Endpunkts.</translation>
    </message>
    <message>
        <source>A trust domain cannot federate with itself.</source>
        <translation>Eine Vertrauensdomäne kann nicht mit sich selbst föderieren.</translation>
    </message>
    <message>
        <source>This trust domain federates with that peer already.</source>
        <translation>Diese Vertrauensdomäne föderiert bereits mit dieser Gegenstelle.</translation>
    </message>
    <message>
        <source>There is no federation relationship with that peer.</source>
        <translation>Es gibt keine Föderationsbeziehung mit dieser Gegenstelle.</translation>
    </message>
    <message>
        <source>Say which of the workspace&apos;s trust domains the relationship belongs to.</source>
        <translation>Geben Sie an, zu welcher Vertrauensdomäne des Arbeitsbereichs die Beziehung gehört.</translation>
    </message>
    <message>
        <source>The federation configuration is not in a form SPIRE writes.</source>
        <translation>Die Föderationskonfiguration hat keine Form, die SPIRE schreibt.</translation>
    </message>
    <message>
        <source>The bundle endpoint could not be reached.</source>
        <translation>Der Bundle-Endpunkt war nicht erreichbar.</translation>
    </message>
    <message>
        <source>The bundle endpoint did not answer in time.</source>
        <translation>Der Bundle-Endpunkt hat nicht rechtzeitig geantwortet.</translation>
    </message>
    <message>
        <source>The TLS handshake with the bundle endpoint failed.</source>
        <translation>Der TLS-Handshake mit dem Bundle-Endpunkt ist fehlgeschlagen.</translation>
    </message>
    <message>
        <source>The endpoint&apos;s certificate is not for the host in the URL.</source>
        <translation>Das Zertifikat des Endpunkts gilt nicht für den Host in der URL.</translation>
    </message>
    <message>
        <source>The endpoint&apos;s certificate has expired or is not valid yet.</source>
        <translation>Das Zertifikat des Endpunkts ist abgelaufen oder noch nicht gültig.</translation>
    </message>
    <message>
        <source>The endpoint&apos;s certificate does not chain to a trusted authority.</source>
        <translation>Das Zertifikat des Endpunkts führt zu keiner vertrauenswürdigen Zertifizierungsstelle.</translation>
    </message>
    <message>
        <source>The endpoint presented another SPIFFE ID than the one configured.</source>
        <translation>Der Endpunkt hat eine andere SPIFFE-ID vorgelegt als die konfigurierte.</translation>
    </message>
    <message>
        <source>There is no bundle to authenticate the endpoint with: give a bootstrap bundle.</source>
        <translation>Es gibt kein Bundle, um den Endpunkt zu authentifizieren: Geben Sie ein Bootstrap-Bundle an.</translation>
    </message>
    <message>
        <source>The bundle endpoint answered with an error status.</source>
        <translation>Der Bundle-Endpunkt hat mit einem Fehlerstatus geantwortet.</translation>
    </message>
    <message>
        <source>The bundle endpoint&apos;s answer is not a valid SPIFFE bundle.</source>
        <translation>Die Antwort des Bundle-Endpunkts ist kein gültiges SPIFFE-Bundle.</translation>
    </message>
    <message>
        <source>The bundle endpoint&apos;s answer is larger than allowed.</source>
        <translation>Die Antwort des Bundle-Endpunkts ist größer als erlaubt.</translation>
    </message>
    <message>
        <source>The fetched bundle is for another trust domain.</source>
        <translation>Das abgerufene Bundle gehört zu einer anderen Vertrauensdomäne.</translation>
    </message>
    <message>
        <source>The fetched bundle is older than the one held, which is kept.</source>
        <translation>Das abgerufene Bundle ist älter als das vorhandene, das behalten wird.</translation>
    </message>
    <message>
        <source>The fetched bundle changed without a new sequence number; the one held is kept.</source>
        <translation>Das abgerufene Bundle hat sich ohne neue Sequenznummer geändert; das vorhandene wird behalten.</translation>
    </message>
    <message>
        <source>The bundle endpoint could not listen on that address.</source>
        <translation>Der Bundle-Endpunkt konnte an dieser Adresse nicht lauschen.</translation>
    </message>
    <message>
        <source>The bundle endpoint&apos;s certificate or key cannot be used.</source>
        <translation>Zertifikat oder Schlüssel des Bundle-Endpunkts sind nicht verwendbar.</translation>
    </message>
    <message>
        <source>Every lifetime must be at least a second, and no SVID may outlive its authority.</source>
        <translation>Jede Lebensdauer muss mindestens eine Sekunde betragen, und kein SVID darf seine Autorität überleben.</translation>
    </message>
    <message>
        <source>The report could not be rendered as PDF.</source>
        <translation>Der Bericht konnte nicht als PDF erstellt werden.</translation>
    </message>
</context>
<context>
    <name>ta::views::IssueSvidDialog</name>
    <message>
        <location filename="../views/IssueSvidDialog.cpp" line="+26"/>
        <source>Issue SVID</source>
        <translation>SVID ausstellen</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>X509-SVID</source>
        <translation>X509-SVID</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>JWT-SVID</source>
        <translation>JWT-SVID</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>T&amp;ype:</source>
        <translation>T&amp;yp:</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;Trust domain:</source>
        <translation>&amp;Vertrauensdomäne:</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;SPIFFE ID:</source>
        <translation>&amp;SPIFFE-ID:</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>optional, separated by commas</source>
        <translation>optional, durch Kommas getrennt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;DNS names:</source>
        <translation>&amp;DNS-Namen:</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>required, separated by commas</source>
        <translation>erforderlich, durch Kommas getrennt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Audience:</source>
        <translation>&amp;Zielgruppe:</translation>
    </message>
    <message>
        <location line="+5"/>
        <source> min</source>
        <translation> min</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Trust domain default</source>
        <translation>Vorgabe der Vertrauensdomäne</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Lifetime:</source>
        <translation>&amp;Lebensdauer:</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>&amp;Issue</source>
        <translation>&amp;Ausstellen</translation>
    </message>
    <message>
        <location line="+56"/>
        <source>Create a trust domain first.</source>
        <translation>Legen Sie zuerst eine Vertrauensdomäne an.</translation>
    </message>
    <message>
        <source>&amp;Export Private Key…</source>
        <translation>Privaten Schlüssel &amp;exportieren…</translation>
    </message>
    <message>
        <source>Export Private Key</source>
        <translation>Privaten Schlüssel exportieren</translation>
    </message>
    <message>
        <source>PEM private keys (*.pem *.key)</source>
        <translation>Private PEM-Schlüssel (*.pem *.key)</translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation>&amp;Schließen</translation>
    </message>
    <message>
        <source>Issued. Its private key is kept nowhere, not even in the workspace: export it now, or it is gone when this dialog closes. Anyone who holds the file can act as %1.</source>
        <translation>Ausgestellt. Sein privater Schlüssel wird nirgends aufbewahrt, auch nicht im Arbeitsbereich: Exportieren Sie ihn jetzt, sonst ist er verloren, wenn dieser Dialog schließt. Wer die Datei besitzt, kann als %1 auftreten.</translation>
    </message>
    <message>
        <source>%1 could not be written (%2); the key is still here to export.</source>
        <translation>%1 konnte nicht geschrieben werden (%2); der Schlüssel ist noch hier zum Exportieren.</translation>
    </message>
    <message>
        <source>Private key written to %1 (readable by you only).</source>
        <translation>Privater Schlüssel nach %1 geschrieben (nur für Sie lesbar).</translation>
    </message>
    <message>
        <source>Generating the key…</source>
        <translation>Schlüssel wird erzeugt…</translation>
    </message>
    <message>
        <source>Generating a key for %1</source>
        <translation>Schlüssel für %1 wird erzeugt</translation>
    </message>
</context>
<context>
    <name>ta::views::NewTrustDomainDialog</name>
    <message>
        <location filename="../views/NewTrustDomainDialog.cpp" line="+21"/>
        <source>New Trust Domain</source>
        <translation>Neue Vertrauensdomäne</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>example.org</source>
        <translation>example.org</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Name:</source>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>EC P-256</source>
        <translation>EC P-256</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>EC P-384</source>
        <translation>EC P-384</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>RSA 2048</source>
        <translation>RSA 2048</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>RSA 4096</source>
        <translation>RSA 4096</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Key type:</source>
        <translation>&amp;Schlüsseltyp:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sign with &amp;intermediates under one long-lived root</source>
        <translation>Mit &amp;Zwischenzertifikaten unter einer langlebigen Wurzel signieren</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&amp;Create</source>
        <translation>&amp;Anlegen</translation>
    </message>
    <message>
        <source>Generating keys…</source>
        <translation>Schlüssel werden erzeugt …</translation>
    </message>
    <message>
        <source>Generating keys for %1</source>
        <translation>Schlüssel für %1 werden erzeugt</translation>
    </message>
</context>
<context>
    <name>ta::views::PassphraseDialog</name>
    <message>
        <location filename="../views/PassphraseDialog.cpp" line="+20"/>
        <source>Open Protected Workspace</source>
        <translation>Geschützten Arbeitsbereich öffnen</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>New Workspace</source>
        <translation>Neuer Arbeitsbereich</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The keys in &lt;b&gt;%1&lt;/b&gt; are encrypted. Enter the workspace passphrase to open it.</source>
        <translation>Die Schlüssel in &lt;b&gt;%1&lt;/b&gt; sind verschlüsselt. Geben Sie die Passphrase des Arbeitsbereichs ein, um ihn zu öffnen.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Choose a passphrase to encrypt the private keys of &lt;b&gt;%1&lt;/b&gt;.</source>
        <translation>Wählen Sie eine Passphrase, mit der die privaten Schlüssel von &lt;b&gt;%1&lt;/b&gt; verschlüsselt werden.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>&amp;Passphrase:</source>
        <translation>&amp;Passphrase:</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Repeat:</source>
        <translation>&amp;Wiederholen:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Store keys in &amp;clear (for demos and throwaway tests)</source>
        <translation>Schlüssel &amp;unverschlüsselt speichern (für Vorführungen und Wegwerf-Tests)</translation>
    </message>
    <message>
        <location line="+69"/>
        <source>The two passphrases differ.</source>
        <translation>Die beiden Passphrasen unterscheiden sich.</translation>
    </message>
    <message>
        <source>Unlocking the keys…</source>
        <translation>Die Schlüssel werden entsperrt…</translation>
    </message>
    <message>
        <source>Sealing the keys…</source>
        <translation>Die Schlüssel werden versiegelt…</translation>
    </message>
    <message>
        <source>Unlocking %1</source>
        <translation>%1 wird entsperrt</translation>
    </message>
    <message>
        <source>Creating %1</source>
        <translation>%1 wird erstellt</translation>
    </message>
</context>
<context>
    <name>ta::views::PolicyStudio</name>
    <message>
        <location filename="../views/PolicyStudio.cpp" line="+84"/>
        <location line="+382"/>
        <source>Add</source>
        <translation>Hinzufügen</translation>
    </message>
    <message>
        <location line="-380"/>
        <source>Add a policy</source>
        <translation>Eine Richtlinie hinzufügen</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+383"/>
        <source>Duplicate</source>
        <translation>Duplizieren</translation>
    </message>
    <message>
        <location line="-381"/>
        <location line="+383"/>
        <source>Remove</source>
        <translation>Entfernen</translation>
    </message>
    <message>
        <location line="-381"/>
        <location line="+383"/>
        <source>Up</source>
        <translation>Nach oben</translation>
    </message>
    <message>
        <location line="-378"/>
        <location line="+384"/>
        <source>Down</source>
        <translation>Nach unten</translation>
    </message>
    <message>
        <location line="-369"/>
        <source>Policies</source>
        <translation>Richtlinien</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Registration Entries</source>
        <translation>Registrierungseinträge</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Version</source>
        <translation>Version</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Saved</source>
        <translation>Gespeichert</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Comment</source>
        <translation>Kommentar</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Saved versions</source>
        <translation>Gespeicherte Versionen</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Subject</source>
        <translation>Subjekt</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Gains</source>
        <translation>Erhält</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Loses</source>
        <translation>Verliert</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Rule or TTL changed</source>
        <translation>Regel oder TTL geändert</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>First change</source>
        <translation>Erste Änderung</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Re-simulation against the saved version</source>
        <translation>Neusimulation gegen die gespeicherte Version</translation>
    </message>
    <message>
        <location line="+46"/>
        <source>Re-simulating…</source>
        <translation>Simuliere neu…</translation>
    </message>
    <message>
        <location line="+5"/>
        <location line="+29"/>
        <source>Not re-simulated: %1</source>
        <translation>Nicht neu simuliert: %1</translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n evidence record(s) recorded; edit a policy to see its effect.</source>
        <translation>
            <numerusform>%n Nachweis aufgezeichnet; bearbeiten Sie eine Richtlinie, um ihre Wirkung zu sehen.</numerusform>
            <numerusform>%n Nachweise aufgezeichnet; bearbeiten Sie eine Richtlinie, um ihre Wirkung zu sehen.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Grant</source>
        <translation>Gewähren</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Deny</source>
        <translation>Verweigern</translation>
    </message>
    <message>
        <location line="+12"/>
        <location line="+267"/>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <location line="-266"/>
        <location line="+267"/>
        <source>server default</source>
        <translation>Server-Standard</translation>
    </message>
    <message>
        <location line="-263"/>
        <location line="+266"/>
        <source>comma-separated</source>
        <translation>durch Kommas getrennt</translation>
    </message>
    <message>
        <location line="-263"/>
        <location line="+265"/>
        <source>comma-separated trust domains</source>
        <translation>Vertrauensdomänen, durch Kommas getrennt</translation>
    </message>
    <message>
        <location line="-259"/>
        <source>&amp;Name:</source>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Effect:</source>
        <translation>&amp;Wirkung:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Trust domain:</source>
        <translation>&amp;Vertrauensdomäne:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>SPIFFE ID te&amp;mplate:</source>
        <translation>SPIFFE-ID-V&amp;orlage:</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+261"/>
        <source>&amp;X509-SVID TTL:</source>
        <translation>&amp;X509-SVID-TTL:</translation>
    </message>
    <message>
        <location line="-260"/>
        <location line="+261"/>
        <source>&amp;JWT-SVID TTL:</source>
        <translation>&amp;JWT-SVID-TTL:</translation>
    </message>
    <message>
        <location line="-260"/>
        <location line="+261"/>
        <source>&amp;DNS names:</source>
        <translation>&amp;DNS-Namen:</translation>
    </message>
    <message>
        <location line="-260"/>
        <location line="+261"/>
        <source>&amp;Federates with:</source>
        <translation>&amp;Föderiert mit:</translation>
    </message>
    <message>
        <location line="-260"/>
        <source>&amp;Condition:</source>
        <translation>&amp;Bedingung:</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>The condition parses and type-checks.</source>
        <translation>Die Bedingung ist syntaktisch und typrichtig.</translation>
    </message>
    <message>
        <location line="+186"/>
        <source>Add a registration entry</source>
        <translation>Einen Registrierungseintrag hinzufügen</translation>
    </message>
    <message>
        <location line="+49"/>
        <source>Ad&amp;min</source>
        <translation>Ad&amp;min</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Do&amp;wnstream</source>
        <translation>Do&amp;wnstream</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>S&amp;PIFFE ID:</source>
        <translation>S&amp;PIFFE-ID:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Parent ID:</source>
        <translation>&amp;Eltern-ID:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>S&amp;electors:</source>
        <translation>Se&amp;lektoren:</translation>
    </message>
    <message>
        <location line="-379"/>
        <source>What changed, and why</source>
        <translation>Was sich geändert hat, und warum</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Save Version</source>
        <translation>Version &amp;speichern</translation>
    </message>
    <message>
        <location line="+264"/>
        <source>Not saved: %1</source>
        <translation>Nicht gespeichert: %1</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>version %1</source>
        <translation>Version %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>no saved policies</source>
        <translation>keinen gespeicherten Richtlinien</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No subject gains or loses an identity against %1.</source>
        <translation>Kein Subjekt erhält oder verliert eine Identität gegenüber %1.</translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n subject(s) fare differently than under %1.</source>
        <translation>
            <numerusform>%n Subjekt ergeht es anders als unter %1.</numerusform>
            <numerusform>%n Subjekten ergeht es anders als unter %1.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ta::views::GraphCanvas</name>
    <message>
        <source>Graph</source>
        <translation>Graph</translation>
    </message>
    <message>
        <source>Fit</source>
        <translation>Einpassen</translation>
    </message>
    <message>
        <source>Ctrl+0</source>
        <translation>Ctrl+0</translation>
    </message>
    <message>
        <source>Show the whole estate (Ctrl+0)</source>
        <translation>Den ganzen Bestand zeigen (Strg+0)</translation>
    </message>
    <message>
        <source>Zoom In</source>
        <translation>Vergrößern</translation>
    </message>
    <message>
        <source>Zoom Out</source>
        <translation>Verkleinern</translation>
    </message>
    <message>
        <source>Zoom to Selection</source>
        <translation>Auf Auswahl zoomen</translation>
    </message>
    <message>
        <source>Ctrl+1</source>
        <translation>Ctrl+1</translation>
    </message>
    <message>
        <source>Lay Out Again</source>
        <translation>Neu anordnen</translation>
    </message>
    <message>
        <source>Blast Radius</source>
        <translation>Wirkungsradius</translation>
    </message>
    <message>
        <source>Highlight everything that depends on the selected node</source>
        <translation>Alles hervorheben, was vom gewählten Knoten abhängt</translation>
    </message>
    <message>
        <source>Path</source>
        <translation>Pfad</translation>
    </message>
    <message>
        <source>Highlight the path between the two selected nodes</source>
        <translation>Den Pfad zwischen den beiden gewählten Knoten hervorheben</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>Zurücksetzen</translation>
    </message>
    <message>
        <source>Clear the highlights</source>
        <translation>Hervorhebungen entfernen</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>Exportieren…</translation>
    </message>
    <message>
        <source>Export the current view as SVG, PNG or PDF</source>
        <translation>Die aktuelle Ansicht als SVG, PNG oder PDF exportieren</translation>
    </message>
    <message>
        <source>Find SPIFFE ID, subject, serial, name (Ctrl+F)</source>
        <translation>SPIFFE-ID, Subjekt, Seriennummer, Name suchen (Strg+F)</translation>
    </message>
    <message>
        <source>No match for “%1”</source>
        <translation>Kein Treffer für „%1“</translation>
    </message>
    <message>
        <source>Find</source>
        <translation>Suchen</translation>
    </message>
    <message>
        <source>Show one node type</source>
        <translation>Nur einen Knotentyp zeigen</translation>
    </message>
    <message>
        <source>All types</source>
        <translation>Alle Typen</translation>
    </message>
    <message>
        <source>Show one trust domain</source>
        <translation>Nur eine Vertrauensdomäne zeigen</translation>
    </message>
    <message>
        <source>Show one status</source>
        <translation>Nur einen Status zeigen</translation>
    </message>
    <message>
        <source>All statuses</source>
        <translation>Alle Status</translation>
    </message>
    <message>
        <source>Layout %p%</source>
        <translation>Anordnung %p%</translation>
    </message>
    <message>
        <source>Cancel Layout</source>
        <translation>Anordnung abbrechen</translation>
    </message>
    <message numerus="yes">
        <source>%n node(s)</source>
        <translation>
            <numerusform>%n Knoten</numerusform>
            <numerusform>%n Knoten</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n edge(s)</source>
        <translation>
            <numerusform>%n Kante</numerusform>
            <numerusform>%n Kanten</numerusform>
        </translation>
    </message>
    <message>
        <source>Layout cancelled or failed; nodes stay where they were.</source>
        <translation>Anordnung abgebrochen oder fehlgeschlagen; die Knoten bleiben, wo sie waren.</translation>
    </message>
    <message>
        <source>Found %1</source>
        <translation>Gefunden: %1</translation>
    </message>
    <message>
        <source>All trust domains</source>
        <translation>Alle Vertrauensdomänen</translation>
    </message>
    <message numerus="yes">
        <source>Blast radius of %1: %n dependent node(s)</source>
        <translation>
            <numerusform>Wirkungsradius von %1: %n abhängiger Knoten</numerusform>
            <numerusform>Wirkungsradius von %1: %n abhängige Knoten</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Path of %n step(s)</source>
        <translation>
            <numerusform>Pfad mit %n Schritt</numerusform>
            <numerusform>Pfad mit %n Schritten</numerusform>
        </translation>
    </message>
    <message>
        <source>No path between %1 and %2</source>
        <translation>Kein Pfad zwischen %1 und %2</translation>
    </message>
    <message>
        <source>Select two nodes (Ctrl+click) to see the path between them.</source>
        <translation>Zwei Knoten wählen (Strg+Klick), um den Pfad zwischen ihnen zu sehen.</translation>
    </message>
    <message>
        <source>Trust Atlas estate</source>
        <translation>Trust-Atlas-Bestand</translation>
    </message>
    <message>
        <source>Cannot write %1</source>
        <translation>%1 kann nicht geschrieben werden</translation>
    </message>
    <message>
        <source>Unknown export format “%1”: use .svg, .png or .pdf</source>
        <translation>Unbekanntes Exportformat „%1“: .svg, .png oder .pdf verwenden</translation>
    </message>
    <message>
        <source>Export View</source>
        <translation>Ansicht exportieren</translation>
    </message>
    <message>
        <source>SVG image (*.svg);;PNG image (*.png);;PDF document (*.pdf)</source>
        <translation>SVG-Bild (*.svg);;PNG-Bild (*.png);;PDF-Dokument (*.pdf)</translation>
    </message>
    <message>
        <source>Exported %1</source>
        <translation>%1 exportiert</translation>
    </message>
    <message>
        <source>Laying out the graph</source>
        <translation>Graph wird angeordnet</translation>
    </message>
</context>
<context>
    <name>ta::views::GraphMinimap</name>
    <message>
        <source>Overview: click or drag to move the view</source>
        <translation>Übersicht: klicken oder ziehen, um die Ansicht zu verschieben</translation>
    </message>
</context>
<context>
    <name>ta::views::GraphLegend</name>
    <message>
        <source>Legend</source>
        <translation>Legende</translation>
    </message>
    <message>
        <source>Nodes</source>
        <translation>Knoten</translation>
    </message>
    <message>
        <source>Edges</source>
        <translation>Kanten</translation>
    </message>
    <message>
        <source>Status (colour, outline, badge)</source>
        <translation>Status (Farbe, Umriss, Abzeichen)</translation>
    </message>
</context>
<context>
    <name>ta::app::GraphCanvasController</name>
    <message>
        <source>Severity</source>
        <translation>Schweregrad</translation>
    </message>
    <message>
        <source>Finding</source>
        <translation>Befund</translation>
    </message>
    <message>
        <source>About</source>
        <translation>Betrifft</translation>
    </message>
    <message>
        <source>Reading the evidence timeline</source>
        <translation>Die Evidenz-Zeitleiste wird gelesen</translation>
    </message>
</context>
<context>
    <name>GraphStyle</name>
    <message>
        <source>Trust domain</source>
        <translation>Vertrauensdomäne</translation>
    </message>
    <message>
        <source>Authority</source>
        <translation>Zertifizierungsstelle</translation>
    </message>
    <message>
        <source>Platform</source>
        <translation>Plattform</translation>
    </message>
    <message>
        <source>Anchor</source>
        <translation>Vertrauensanker</translation>
    </message>
    <message>
        <source>Node</source>
        <translation>Knoten</translation>
    </message>
    <message>
        <source>Workload</source>
        <translation>Workload</translation>
    </message>
    <message>
        <source>Identity</source>
        <translation>Identität</translation>
    </message>
    <message>
        <source>Credential</source>
        <translation>Nachweis</translation>
    </message>
    <message>
        <source>Rule</source>
        <translation>Regel</translation>
    </message>
    <message>
        <source>federates with</source>
        <translation>föderiert mit</translation>
    </message>
    <message>
        <source>attested by</source>
        <translation>attestiert durch</translation>
    </message>
    <message>
        <source>runs on</source>
        <translation>läuft auf</translation>
    </message>
    <message>
        <source>grants</source>
        <translation>gewährt</translation>
    </message>
    <message>
        <source>holds</source>
        <translation>hält</translation>
    </message>
    <message>
        <source>identifies</source>
        <translation>identifiziert</translation>
    </message>
    <message>
        <source>issued by</source>
        <translation>ausgestellt von</translation>
    </message>
    <message>
        <source>member of</source>
        <translation>Mitglied von</translation>
    </message>
    <message>
        <source>no status</source>
        <translation>kein Status</translation>
    </message>
    <message>
        <source>attested</source>
        <translation>attestiert</translation>
    </message>
    <message>
        <source>warning</source>
        <translation>Warnung</translation>
    </message>
    <message>
        <source>refused</source>
        <translation>abgelehnt</translation>
    </message>
    <message>
        <source>stale</source>
        <translation>veraltet</translation>
    </message>
    <message>
        <source>valid</source>
        <translation>gültig</translation>
    </message>
    <message>
        <source>expiring</source>
        <translation>läuft ab</translation>
    </message>
    <message>
        <source>expired</source>
        <translation>abgelaufen</translation>
    </message>
    <message>
        <source>revoked</source>
        <translation>widerrufen</translation>
    </message>
    <message>
        <source>planned</source>
        <translation>geplant</translation>
    </message>
</context>
<context>
    <name>GraphClusterItem</name>
    <message>
        <source>Trust domain %1: double-click to collapse or expand</source>
        <translation>Vertrauensdomäne %1: Doppelklick zum Ein- oder Ausklappen</translation>
    </message>
    <message numerus="yes">
        <source>%n node(s)</source>
        <translation>
            <numerusform>%n Knoten</numerusform>
            <numerusform>%n Knoten</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 (%n node(s))</source>
        <translation>
            <numerusform>%1 (%n Knoten)</numerusform>
            <numerusform>%1 (%n Knoten)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MoveNodesCommand</name>
    <message numerus="yes">
        <source>Move %n node(s)</source>
        <translation>
            <numerusform>%n Knoten verschieben</numerusform>
            <numerusform>%n Knoten verschieben</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ta::models::FederationEditCommand</name>
    <message>
        <source>Federate %1 with %2</source>
        <translation>%1 mit %2 föderieren</translation>
    </message>
    <message>
        <source>Edit federation of %1 with %2</source>
        <translation>Föderation von %1 mit %2 bearbeiten</translation>
    </message>
    <message>
        <source>Remove federation of %1 with %2</source>
        <translation>Föderation von %1 mit %2 entfernen</translation>
    </message>
</context>
<context>
    <name>ta::models::FederationModel</name>
    <message>
        <source>Not fetched yet</source>
        <translation>Noch nicht abgerufen</translation>
    </message>
    <message>
        <source>Fetching…</source>
        <translation>Wird abgerufen…</translation>
    </message>
    <message>
        <source>New bundle stored</source>
        <translation>Neues Bundle gespeichert</translation>
    </message>
    <message>
        <source>Up to date</source>
        <translation>Aktuell</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Fehlgeschlagen</translation>
    </message>
    <message>
        <source>Failed: %1</source>
        <translation>Fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>Endpoint SPIFFE ID: %1</source>
        <translation>SPIFFE-ID des Endpunkts: %1</translation>
    </message>
    <message numerus="yes">
        <source>%n bundle(s) fetched</source>
        <translation>
            <numerusform>%n Bundle abgerufen</numerusform>
            <numerusform>%n Bundles abgerufen</numerusform>
        </translation>
    </message>
    <message>
        <source>none</source>
        <translation>keine</translation>
    </message>
    <message>
        <source>never</source>
        <translation>nie</translation>
    </message>
    <message>
        <source>now</source>
        <translation>jetzt</translation>
    </message>
    <message>
        <source>not scheduled</source>
        <translation>nicht geplant</translation>
    </message>
    <message>
        <source>Trust Domain</source>
        <translation>Vertrauensdomäne</translation>
    </message>
    <message>
        <source>Peer</source>
        <translation>Partner</translation>
    </message>
    <message>
        <source>Profile</source>
        <translation>Profil</translation>
    </message>
    <message>
        <source>Bundle Endpoint</source>
        <translation>Bundle-Endpunkt</translation>
    </message>
    <message>
        <source>Held Sequence</source>
        <translation>Gehaltene Sequenz</translation>
    </message>
    <message>
        <source>Last Fetch</source>
        <translation>Letzter Abruf</translation>
    </message>
    <message>
        <source>Next Fetch</source>
        <translation>Nächster Abruf</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
</context>
<context>
    <name>ta::views::FederationDialog</name>
    <message>
        <source>Add Federation Relationship</source>
        <translation>Föderationsbeziehung hinzufügen</translation>
    </message>
    <message>
        <source>Edit Federation Relationship</source>
        <translation>Föderationsbeziehung bearbeiten</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Speichern</translation>
    </message>
    <message>
        <source>&amp;Trust domain:</source>
        <translation>&amp;Vertrauensdomäne:</translation>
    </message>
    <message>
        <source>partner.example</source>
        <translation>partner.example</translation>
    </message>
    <message>
        <source>&amp;Peer trust domain:</source>
        <translation>&amp;Partner-Vertrauensdomäne:</translation>
    </message>
    <message>
        <source>https://spire.partner.example:8443/</source>
        <translation>https://spire.partner.example:8443/</translation>
    </message>
    <message>
        <source>Bundle &amp;endpoint URL:</source>
        <translation>URL des Bundle-&amp;Endpunkts:</translation>
    </message>
    <message>
        <source>https_spiffe (endpoint authenticated by its SVID)</source>
        <translation>https_spiffe (Endpunkt durch sein SVID authentifiziert)</translation>
    </message>
    <message>
        <source>https_web (endpoint authenticated by web PKI)</source>
        <translation>https_web (Endpunkt durch Web-PKI authentifiziert)</translation>
    </message>
    <message>
        <source>P&amp;rofile:</source>
        <translation>P&amp;rofil:</translation>
    </message>
    <message>
        <source>Endpoint &amp;SPIFFE ID:</source>
        <translation>&amp;SPIFFE-ID des Endpunkts:</translation>
    </message>
    <message>
        <source>Load…</source>
        <translation>Laden…</translation>
    </message>
    <message>
        <source>Load Bootstrap Bundle</source>
        <translation>Bootstrap-Bundle laden</translation>
    </message>
    <message>
        <source>The peer's SPIFFE bundle (JSON) or CA certificates (PEM), trusted for the first fetch; empty: the peer's own bundle when it is a trust domain of this workspace</source>
        <translation>Das SPIFFE-Bundle (JSON) oder die CA-Zertifikate (PEM) des Partners, für den ersten Abruf vertraut; leer: das eigene Bundle des Partners, wenn er eine Vertrauensdomäne dieses Arbeitsbereichs ist</translation>
    </message>
    <message>
        <source>&amp;Bootstrap bundle:</source>
        <translation>&amp;Bootstrap-Bundle:</translation>
    </message>
    <message>
        <source>Load Pinned CA</source>
        <translation>Festgelegte CA laden</translation>
    </message>
    <message>
        <source>CA certificates (PEM) the endpoint must chain to; empty: the system's web roots</source>
        <translation>CA-Zertifikate (PEM), zu denen die Kette des Endpunkts führen muss; leer: die Web-Wurzeln des Systems</translation>
    </message>
    <message>
        <source>Pinned &amp;CA:</source>
        <translation>Festgelegte &amp;CA:</translation>
    </message>
    <message>
        <source>&amp;Add</source>
        <translation>&amp;Hinzufügen</translation>
    </message>
    <message>
        <source>Bundles and certificates (*.json *.pem *.crt)</source>
        <translation>Bundles und Zertifikate (*.json *.pem *.crt)</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>Alle Dateien (*)</translation>
    </message>
    <message>
        <source>%1 is larger than 1 MiB: not a bundle or a CA file.</source>
        <translation>%1 ist größer als 1 MiB: kein Bundle und keine CA-Datei.</translation>
    </message>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>%1 kann nicht gelesen werden: %2</translation>
    </message>
</context>
<context>
    <name>ta::views::FederationPanel</name>
    <message>
        <source>&amp;Add…</source>
        <translation>&amp;Hinzufügen…</translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation>&amp;Bearbeiten…</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>&amp;Entfernen</translation>
    </message>
    <message>
        <source>Refresh &amp;Now</source>
        <translation>&amp;Jetzt aktualisieren</translation>
    </message>
    <message>
        <source>Refresh &amp;Automatically</source>
        <translation>&amp;Automatisch aktualisieren</translation>
    </message>
    <message>
        <source>Fetch each peer's bundle again when its refresh hint says</source>
        <translation>Das Bundle jedes Partners erneut abrufen, wenn sein Aktualisierungshinweis es sagt</translation>
    </message>
    <message>
        <source>Sequence</source>
        <translation>Sequenz</translation>
    </message>
    <message>
        <source>Fetched</source>
        <translation>Abgerufen</translation>
    </message>
    <message>
        <source>Refresh Hint</source>
        <translation>Aktualisierungshinweis</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>Schlüssel</translation>
    </message>
    <message numerus="yes">
        <source>%n s</source>
        <translation>
            <numerusform>%n s</numerusform>
            <numerusform>%n s</numerusform>
        </translation>
    </message>
    <message>
        <source>none</source>
        <translation>keiner</translation>
    </message>
    <message>
        <source>Federation relationship added. Undo removes it.</source>
        <translation>Föderationsbeziehung hinzugefügt. Rückgängig entfernt sie.</translation>
    </message>
    <message>
        <source>Removed the federation of %1 with %2 and its fetched bundles. Undo brings them back.</source>
        <translation>Föderation von %1 mit %2 samt abgerufenen Bundles entfernt. Rückgängig stellt sie wieder her.</translation>
    </message>
</context>
<context>
    <name>ta::views::DecisionLog</name>
    <message>
        <source>&amp;Subject:</source>
        <translation>&amp;Subjekt:</translation>
    </message>
    <message>
        <source>Replaying…</source>
        <translation>Wird nachgespielt…</translation>
    </message>
    <message>
        <source>The selected rule's source, its failing clause underlined.</source>
        <translation>Der Quelltext der gewählten Regel, die fehlgeschlagene Klausel unterstrichen.</translation>
    </message>
    <message>
        <source>At %1</source>
        <translation>Am %1</translation>
    </message>
    <message>
        <source>At %1, the end of the evidence timeline</source>
        <translation>Am %1, dem Ende der Nachweis-Zeitleiste</translation>
    </message>
    <message>
        <source>At the end of the evidence timeline</source>
        <translation>Am Ende der Nachweis-Zeitleiste</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1, by the studio&apos;s unsaved rules</source>
        <translation>%1, nach den ungespeicherten Regeln des Studios</translation>
    </message>
    <message>
        <source>Not explained: %1</source>
        <translation>Nicht erklärt: %1</translation>
    </message>
    <message>
        <source>Pick a subject above, or a workload, node or identity on the graph, to see why it gets its identities or does not.</source>
        <translation>Wählen Sie oben ein Subjekt oder im Graphen eine Workload, einen Knoten oder eine Identität, um zu sehen, warum es seine Identitäten erhält oder nicht.</translation>
    </message>
    <message>
        <source>Replaying the evidence…</source>
        <translation>Die Nachweise werden nachgespielt…</translation>
    </message>
    <message>
        <source>%1 has no record at or before this instant, so no rule decided for it.</source>
        <translation>%1 hat bis zu diesem Zeitpunkt keinen Nachweis; keine Regel hat darüber entschieden.</translation>
    </message>
    <message>
        <source>Last record of %1 at %2 (%3): %4.</source>
        <translation>Letzter Nachweis von %1 am %2 (%3): %4.</translation>
    </message>
    <message>
        <source>Refused for %1.</source>
        <translation>Abgelehnt wegen %1.</translation>
    </message>
    <message>
        <source>Its attestation holds.</source>
        <translation>Seine Attestierung gilt.</translation>
    </message>
    <message>
        <source>Not attested: refused at %1.</source>
        <translation>Nicht attestiert: abgelehnt am %1.</translation>
    </message>
    <message>
        <source>Not attested: no accepted record since %1 (stale).</source>
        <translation>Nicht attestiert: seit %1 kein akzeptierter Nachweis (veraltet).</translation>
    </message>
    <message>
        <source>Not attested: its node stopped vouching at %1.</source>
        <translation>Nicht attestiert: sein Knoten bürgt seit %1 nicht mehr.</translation>
    </message>
    <message>
        <source>Not attested: a key or anchor it rested on was revoked at %1.</source>
        <translation>Nicht attestiert: ein Schlüssel oder Anker, auf dem es beruhte, wurde am %1 widerrufen.</translation>
    </message>
    <message>
        <source>Its node is not attested, so it holds nothing.</source>
        <translation>Sein Knoten ist nicht attestiert, daher hält es nichts.</translation>
    </message>
    <message>
        <source>Not attested.</source>
        <translation>Nicht attestiert.</translation>
    </message>
    <message>
        <source>Runs on %1.</source>
        <translation>Läuft auf %1.</translation>
    </message>
    <message>
        <source>Holds no identity.</source>
        <translation>Hält keine Identität.</translation>
    </message>
    <message>
        <source>Holds %1.</source>
        <translation>Hält %1.</translation>
    </message>
    <message>
        <source>%1: %2 — %3</source>
        <translation>%1: %2 — %3</translation>
    </message>
</context>
<context>
    <name>ta::models::DecisionLogModel</name>
    <message>
        <source>error: %1</source>
        <translation>Fehler: %1</translation>
    </message>
    <message>
        <source>(absent)</source>
        <translation>(fehlt)</translation>
    </message>
    <message>
        <source>Granted</source>
        <translation>Gewährt</translation>
    </message>
    <message>
        <source>Overridden by a deny</source>
        <translation>Durch ein Verbot aufgehoben</translation>
    </message>
    <message>
        <source>Deny applies</source>
        <translation>Verbot greift</translation>
    </message>
    <message>
        <source>Not matched</source>
        <translation>Nicht zutreffend</translation>
    </message>
    <message>
        <source>Condition error</source>
        <translation>Fehler in der Bedingung</translation>
    </message>
    <message>
        <source>Field missing</source>
        <translation>Feld fehlt</translation>
    </message>
    <message>
        <source>Invalid SPIFFE ID</source>
        <translation>Ungültige SPIFFE-ID</translation>
    </message>
    <message>
        <source>Matched</source>
        <translation>Zutreffend</translation>
    </message>
    <message>
        <source>Parent not authorized</source>
        <translation>Elternteil nicht berechtigt</translation>
    </message>
    <message>
        <source>Expired</source>
        <translation>Abgelaufen</translation>
    </message>
    <message>
        <source>Selectors missing</source>
        <translation>Selektoren fehlen</translation>
    </message>
    <message>
        <source>Policies</source>
        <translation>Richtlinien</translation>
    </message>
    <message numerus="yes">
        <source>%n identity(ies) given</source>
        <translation>
            <numerusform>%n Identität vergeben</numerusform>
            <numerusform>%n Identitäten vergeben</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 (deny)</source>
        <translation>%1 (Verbot)</translation>
    </message>
    <message>
        <source>every identity of %1</source>
        <translation>jede Identität von %1</translation>
    </message>
    <message>
        <source>The condition held.</source>
        <translation>Die Bedingung war erfüllt.</translation>
    </message>
    <message>
        <source>Fails closed: %1 %2</source>
        <translation>Schlägt sicher fehl: %1 %2</translation>
    </message>
    <message>
        <source>Removed by %1.</source>
        <translation>Entfernt durch %1.</translation>
    </message>
    <message>
        <source>%1 was %2</source>
        <translation>%1 war %2</translation>
    </message>
    <message>
        <source>read</source>
        <translation>gelesen</translation>
    </message>
    <message>
        <source>The failing clause read %1 = %2</source>
        <translation>Die fehlgeschlagene Klausel las %1 = %2</translation>
    </message>
    <message>
        <source>Registration entries</source>
        <translation>Registrierungseinträge</translation>
    </message>
    <message>
        <source>The subject names no agent to match entries for.</source>
        <translation>Das Subjekt nennt keinen Agenten, für den Einträge gelten könnten.</translation>
    </message>
    <message>
        <source>parent: %1
selectors: %2</source>
        <translation>Elternteil: %1
Selektoren: %2</translation>
    </message>
    <message>
        <source>Every selector is among the subject's.</source>
        <translation>Jeder Selektor gehört zu denen des Subjekts.</translation>
    </message>
    <message>
        <source>Parent %1 is neither the agent nor below it.</source>
        <translation>Elternteil %1 ist weder der Agent noch unter ihm.</translation>
    </message>
    <message>
        <source>Expired at %1.</source>
        <translation>Abgelaufen am %1.</translation>
    </message>
    <message>
        <source>Missing %1</source>
        <translation>Es fehlt %1</translation>
    </message>
    <message>
        <source>missing</source>
        <translation>fehlt</translation>
    </message>
    <message>
        <source>The subject has no selector %1.</source>
        <translation>Das Subjekt hat keinen Selektor %1.</translation>
    </message>
    <message>
        <source>Rule</source>
        <translation>Regel</translation>
    </message>
    <message>
        <source>Verdict</source>
        <translation>Urteil</translation>
    </message>
    <message>
        <source>Identity</source>
        <translation>Identität</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>Warum</translation>
    </message>
</context>
<context>
    <name>ta::models::CaSettingsCommand</name>
    <message>
        <source>Change the lifetimes of %1</source>
        <translation>Lebensdauern von %1 ändern</translation>
    </message>
</context>
<context>
    <name>ta::views::CaSettingsDialog</name>
    <message>
        <source>CA Settings of %1</source>
        <translation>CA-Einstellungen von %1</translation>
    </message>
    <message>
        <source>%1 keys, %2 (fixed since the trust domain was made)</source>
        <translation>%1-Schlüssel, %2 (fest seit Anlage der Vertrauensdomäne)</translation>
    </message>
    <message>
        <source>intermediates under one root</source>
        <translation>Zwischenzertifikate unter einer Wurzel</translation>
    </message>
    <message>
        <source>self-signed authorities</source>
        <translation>selbstsignierte Autoritäten</translation>
    </message>
    <message>
        <source>Authorities:</source>
        <translation>Autoritäten:</translation>
    </message>
    <message>
        <source>&amp;X509-SVID TTL:</source>
        <translation>&amp;X509-SVID-TTL:</translation>
    </message>
    <message>
        <source>&amp;JWT-SVID TTL:</source>
        <translation>&amp;JWT-SVID-TTL:</translation>
    </message>
    <message>
        <source>&amp;Authority lifetime:</source>
        <translation>Lebensdauer der &amp;Autorität:</translation>
    </message>
    <message>
        <source>For authorities prepared from now on; those in the bundle keep theirs</source>
        <translation>Für ab jetzt vorbereitete Autoritäten; die im Bundle behalten ihre</translation>
    </message>
    <message>
        <source>Bundle &amp;refresh hint:</source>
        <translation>&amp;Aktualisierungshinweis des Bundles:</translation>
    </message>
    <message>
        <source>Changing the refresh hint publishes a new bundle (its sequence goes up): it cannot be undone.</source>
        <translation>Eine Änderung des Aktualisierungshinweises veröffentlicht ein neues Bundle (seine Sequenz steigt): Sie kann nicht rückgängig gemacht werden.</translation>
    </message>
    <message>
        <source>&amp;Apply</source>
        <translation>&amp;Anwenden</translation>
    </message>
    <message>
        <source>%1 d</source>
        <translation>%1 T</translation>
    </message>
    <message>
        <source>%1 h</source>
        <translation>%1 h</translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation>%1 min</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <source>Every lifetime must be at least a second.</source>
        <translation>Jede Lebensdauer muss mindestens eine Sekunde betragen.</translation>
    </message>
    <message>
        <source>An SVID cannot outlive the authority that signs it.</source>
        <translation>Ein SVID kann die Autorität, die es signiert, nicht überleben.</translation>
    </message>
</context>
<context>
    <name>ta::views::TimelineBar</name>
    <message>
        <source>Instant shown</source>
        <translation>Angezeigter Zeitpunkt</translation>
    </message>
    <message>
        <source>Drag to see the estate at another instant</source>
        <translation>Ziehen, um den Bestand zu einem anderen Zeitpunkt zu sehen</translation>
    </message>
    <message>
        <source>Step Back</source>
        <translation>Schritt zurück</translation>
    </message>
    <message>
        <source>Alt+Left</source>
        <translation>Alt+Left</translation>
    </message>
    <message>
        <source>Play</source>
        <translation>Abspielen</translation>
    </message>
    <message>
        <source>Ctrl+Shift+Space</source>
        <translation>Ctrl+Shift+Space</translation>
    </message>
    <message>
        <source>Step Forward</source>
        <translation>Schritt vor</translation>
    </message>
    <message>
        <source>Alt+Right</source>
        <translation>Alt+Right</translation>
    </message>
    <message>
        <source>First Record</source>
        <translation>Erster Datensatz</translation>
    </message>
    <message>
        <source>Alt+Home</source>
        <translation>Alt+Home</translation>
    </message>
    <message>
        <source>Last Record</source>
        <translation>Letzter Datensatz</translation>
    </message>
    <message>
        <source>Alt+End</source>
        <translation>Alt+End</translation>
    </message>
    <message>
        <source>Events at the cursor</source>
        <translation>Ereignisse am Zeitcursor</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>Pause</translation>
    </message>
    <message>
        <source>No evidence recorded</source>
        <translation>Keine Nachweise aufgezeichnet</translation>
    </message>
    <message>
        <source>%1 UTC · record %2 of %3</source>
        <translation>%1 UTC · Datensatz %2 von %3</translation>
    </message>
</context>
<context>
    <name>ta::models::TimelineEventModel</name>
    <message>
        <source>issued</source>
        <translation>ausgestellt</translation>
    </message>
    <message>
        <source>renewed</source>
        <translation>erneuert</translation>
    </message>
    <message>
        <source>expired</source>
        <translation>abgelaufen</translation>
    </message>
    <message>
        <source>revoked</source>
        <translation>widerrufen</translation>
    </message>
    <message>
        <source>denied</source>
        <translation>verweigert</translation>
    </message>
    <message>
        <source>evidence</source>
        <translation>Nachweis</translation>
    </message>
    <message>
        <source>Time (UTC)</source>
        <translation>Zeit (UTC)</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>Ereignis</translation>
    </message>
    <message>
        <source>Subject</source>
        <translation>Subjekt</translation>
    </message>
    <message>
        <source>Identity</source>
        <translation>Identität</translation>
    </message>
    <message>
        <source>Reason or source</source>
        <translation>Grund oder Quelle</translation>
    </message>
</context>
<context>
    <name>ta::app::TimelineController</name>
    <message>
        <source>Statuses from the saved simulation run “%1”: %2 subjects attested, %3 credentials live.</source>
        <translation>Status aus dem gespeicherten Simulationslauf „%1“: %2 Subjekte attestiert, %3 Berechtigungsnachweise gültig.</translation>
    </message>
    <message>
        <source>Statuses from the simulation of the workspace's evidence: %1 subjects attested, %2 credentials live.</source>
        <translation>Status aus der Simulation der Nachweise des Arbeitsbereichs: %1 Subjekte attestiert, %2 Berechtigungsnachweise gültig.</translation>
    </message>
    <message>
        <source>The simulation failed (%1); statuses read from the evidence.</source>
        <translation>Die Simulation ist fehlgeschlagen (%1); die Status werden aus den Nachweisen gelesen.</translation>
    </message>
    <message>
        <source>Simulating the evidence… Meanwhile the statuses are read from the evidence.</source>
        <translation>Die Nachweise werden simuliert … Bis dahin werden die Status aus den Nachweisen gelesen.</translation>
    </message>
    <message>
        <source>Faint nodes did not exist at this instant.</source>
        <translation>Blasse Knoten gab es zu diesem Zeitpunkt nicht.</translation>
    </message>
    <message>
        <source>Statuses under the policy studio's unsaved edit: %1 subjects attested, %2 credentials live.</source>
        <translation>Status unter der ungespeicherten Bearbeitung im Richtlinien-Studio: %1 Subjekte attestiert, %2 Berechtigungsnachweise gültig.</translation>
    </message>
    <message>
        <source>Simulating the timeline</source>
        <translation>Zeitleiste wird simuliert</translation>
    </message>
</context>
<context>
    <name>AuditReport</name>
    <message>
        <source>Audit report: %1</source>
        <translation>Prüfbericht: %1</translation>
    </message>
    <message>
        <source>Trust Atlas audit report</source>
        <translation>Trust-Atlas-Prüfbericht</translation>
    </message>
    <message>
        <source>Workspace</source>
        <translation>Arbeitsbereich</translation>
    </message>
    <message>
        <source>Generated</source>
        <translation>Erstellt</translation>
    </message>
    <message>
        <source>Estate at</source>
        <translation>Bestand zum Zeitpunkt</translation>
    </message>
    <message>
        <source>Tool version</source>
        <translation>Programmversion</translation>
    </message>
    <message>
        <source>Trust domains</source>
        <translation>Vertrauensdomänen</translation>
    </message>
    <message>
        <source>The workspace has no trust domain.</source>
        <translation>Der Arbeitsbereich hat keine Vertrauensdomäne.</translation>
    </message>
    <message>
        <source>Authority</source>
        <translation>Autorität</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Art</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Not after</source>
        <translation>Gültig bis</translation>
    </message>
    <message>
        <source>Expiry</source>
        <translation>Ablauf</translation>
    </message>
    <message>
        <source>tainted</source>
        <translation>kompromittiert</translation>
    </message>
    <message>
        <source>expired</source>
        <translation>abgelaufen</translation>
    </message>
    <message numerus="yes">
        <source>in %n day(s)</source>
        <translation>
            <numerusform>in %n Tag</numerusform>
            <numerusform>in %n Tagen</numerusform>
        </translation>
    </message>
    <message>
        <source>Federation relationships</source>
        <translation>Föderationsbeziehungen</translation>
    </message>
    <message>
        <source>No federation relationship.</source>
        <translation>Keine Föderationsbeziehung.</translation>
    </message>
    <message>
        <source>Trust domain</source>
        <translation>Vertrauensdomäne</translation>
    </message>
    <message>
        <source>Peer</source>
        <translation>Partner</translation>
    </message>
    <message>
        <source>Profile</source>
        <translation>Profil</translation>
    </message>
    <message>
        <source>Endpoint</source>
        <translation>Endpunkt</translation>
    </message>
    <message>
        <source>Last fetch</source>
        <translation>Letzter Abruf</translation>
    </message>
    <message>
        <source>Held sequence</source>
        <translation>Gehaltene Sequenz</translation>
    </message>
    <message>
        <source>never</source>
        <translation>nie</translation>
    </message>
    <message>
        <source>none</source>
        <translation>keine</translation>
    </message>
    <message>
        <source>Findings</source>
        <translation>Befunde</translation>
    </message>
    <message>
        <source>No finding.</source>
        <translation>Kein Befund.</translation>
    </message>
    <message>
        <source>Severity</source>
        <translation>Schweregrad</translation>
    </message>
    <message>
        <source>Finding</source>
        <translation>Befund</translation>
    </message>
    <message>
        <source>About</source>
        <translation>Betrifft</translation>
    </message>
    <message>
        <source>Detail</source>
        <translation>Detail</translation>
    </message>
    <message>
        <source>Policies</source>
        <translation>Richtlinien</translation>
    </message>
    <message>
        <source>No policy.</source>
        <translation>Keine Richtlinie.</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Effect</source>
        <translation>Wirkung</translation>
    </message>
    <message>
        <source>X509 TTL</source>
        <translation>X509-TTL</translation>
    </message>
    <message>
        <source>JWT TTL</source>
        <translation>JWT-TTL</translation>
    </message>
    <message>
        <source>Federates with</source>
        <translation>Föderiert mit</translation>
    </message>
    <message>
        <source>SPIFFE ID template:</source>
        <translation>SPIFFE-ID-Vorlage:</translation>
    </message>
    <message>
        <source>Condition:</source>
        <translation>Bedingung:</translation>
    </message>
    <message>
        <source>No version saved.</source>
        <translation>Keine Version gespeichert.</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>Version</translation>
    </message>
    <message>
        <source>Saved</source>
        <translation>Gespeichert</translation>
    </message>
    <message>
        <source>Comment</source>
        <translation>Kommentar</translation>
    </message>
    <message>
        <source>Policy versions</source>
        <translation>Richtlinienversionen</translation>
    </message>
    <message>
        <source>Registration entries</source>
        <translation>Registrierungseinträge</translation>
    </message>
    <message>
        <source>No registration entry.</source>
        <translation>Kein Registrierungseintrag.</translation>
    </message>
    <message>
        <source>ID</source>
        <translation>ID</translation>
    </message>
    <message>
        <source>SPIFFE ID</source>
        <translation>SPIFFE-ID</translation>
    </message>
    <message>
        <source>Parent ID</source>
        <translation>Eltern-ID</translation>
    </message>
    <message>
        <source>Selectors</source>
        <translation>Selektoren</translation>
    </message>
    <message>
        <source>Registration entry versions</source>
        <translation>Versionen der Registrierungseinträge</translation>
    </message>
    <message>
        <source>Decision summary</source>
        <translation>Entscheidungsübersicht</translation>
    </message>
    <message>
        <source>Nothing was simulated.</source>
        <translation>Es wurde nichts simuliert.</translation>
    </message>
    <message numerus="yes">
        <source>The latest rules replayed over the workspace's %n evidence record(s).</source>
        <translation>
            <numerusform>Die neuesten Regeln, abgespielt über %n Nachweis des Arbeitsbereichs.</numerusform>
            <numerusform>Die neuesten Regeln, abgespielt über die %n Nachweise des Arbeitsbereichs.</numerusform>
        </translation>
    </message>
    <message>
        <source>The graph's statuses come from the saved run "%1".</source>
        <translation>Die Zustände des Graphen stammen aus dem gespeicherten Lauf „%1“.</translation>
    </message>
    <message>
        <source>Subjects</source>
        <translation>Subjekte</translation>
    </message>
    <message>
        <source>Issued</source>
        <translation>Ausgestellt</translation>
    </message>
    <message>
        <source>Renewed</source>
        <translation>Erneuert</translation>
    </message>
    <message>
        <source>Expired</source>
        <translation>Abgelaufen</translation>
    </message>
    <message>
        <source>Revoked</source>
        <translation>Widerrufen</translation>
    </message>
    <message>
        <source>Denied</source>
        <translation>Verweigert</translation>
    </message>
    <message>
        <source>Subject</source>
        <translation>Subjekt</translation>
    </message>
    <message>
        <source>Live at the end</source>
        <translation>Am Ende gültig</translation>
    </message>
    <message>
        <source>Identities</source>
        <translation>Identitäten</translation>
    </message>
    <message>
        <source>Graph</source>
        <translation>Graph</translation>
    </message>
    <message>
        <source>The estate is empty.</source>
        <translation>Der Bestand ist leer.</translation>
    </message>
    <message>
        <source>The graph could not be drawn (%1).</source>
        <translation>Der Graph konnte nicht gezeichnet werden (%1).</translation>
    </message>
    <message>
        <source>The estate graph at %1</source>
        <translation>Der Bestandsgraph zum Zeitpunkt %1</translation>
    </message>
    <message>
        <source>What-if</source>
        <translation>Was-wäre-wenn</translation>
    </message>
    <message>
        <source>%1 subjects changed: %2 identities gained, %3 lost, %4 changed.</source>
        <translation>%1 Subjekte geändert: %2 Identitäten gewonnen, %3 verloren, %4 geändert.</translation>
    </message>
    <message>
        <source>Gained</source>
        <translation>Gewonnen</translation>
    </message>
    <message>
        <source>Lost</source>
        <translation>Verloren</translation>
    </message>
    <message>
        <source>Changed</source>
        <translation>Geändert</translation>
    </message>
    <message>
        <source>First divergence</source>
        <translation>Erste Abweichung</translation>
    </message>
</context>
<context>
    <name>ta::app::AuditReportController</name>
    <message>
        <source>Export &amp;Audit Report…</source>
        <translation>&amp;Prüfbericht exportieren…</translation>
    </message>
    <message>
        <source>Write the audit report of the workspace as HTML or PDF.</source>
        <translation>Den Prüfbericht des Arbeitsbereichs als HTML oder PDF schreiben.</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Stop writing the audit report</source>
        <translation>Das Schreiben des Prüfberichts abbrechen</translation>
    </message>
    <message>
        <source>HTML report (*.html)</source>
        <translation>HTML-Bericht (*.html)</translation>
    </message>
    <message>
        <source>PDF report (*.pdf)</source>
        <translation>PDF-Bericht (*.pdf)</translation>
    </message>
    <message>
        <source>Export Audit Report</source>
        <translation>Prüfbericht exportieren</translation>
    </message>
    <message>
        <source>The policy studio's unsaved edits against the saved policies.</source>
        <translation>Die ungespeicherten Änderungen im Richtlinienstudio gegenüber den gespeicherten Richtlinien.</translation>
    </message>
    <message>
        <source>Writing the audit report to %1…</source>
        <translation>Prüfbericht wird nach %1 geschrieben…</translation>
    </message>
    <message>
        <source>Audit report: replaying the evidence…</source>
        <translation>Prüfbericht: Nachweise werden abgespielt…</translation>
    </message>
    <message>
        <source>Audit report: laying out the graph…</source>
        <translation>Prüfbericht: Graph wird angeordnet…</translation>
    </message>
    <message>
        <source>Audit report: writing %1…</source>
        <translation>Prüfbericht: %1 wird geschrieben…</translation>
    </message>
    <message>
        <source>The audit report could not be written: %1</source>
        <translation>Der Prüfbericht konnte nicht geschrieben werden: %1</translation>
    </message>
    <message>
        <source>Audit report written to %1</source>
        <translation>Prüfbericht nach %1 geschrieben</translation>
    </message>
    <message>
        <source>Audit report cancelled; no file was written.</source>
        <translation>Prüfbericht abgebrochen; es wurde keine Datei geschrieben.</translation>
    </message>
    <message>
        <source>The what-if view's comparison. %1</source>
        <translation>Der Vergleich der Was-wäre-wenn-Ansicht. %1</translation>
    </message>
</context>
<context>
    <name>ta::models::WhatIfModel</name>
    <message>
        <source>%1: rules %2 → %3</source>
        <translation>%1: Regeln %2 → %3</translation>
    </message>
    <message>
        <source>Activate to move the time bar to this instant.</source>
        <translation>Aktivieren, um die Zeitleiste auf diesen Zeitpunkt zu setzen.</translation>
    </message>
    <message>
        <source>Subject</source>
        <translation>Subjekt</translation>
    </message>
    <message>
        <source>Gained</source>
        <translation>Gewonnen</translation>
    </message>
    <message>
        <source>Lost</source>
        <translation>Verloren</translation>
    </message>
    <message>
        <source>Changed</source>
        <translation>Geändert</translation>
    </message>
    <message>
        <source>First divergence</source>
        <translation>Erste Abweichung</translation>
    </message>
</context>
<context>
    <name>ta::views::WhatIfView</name>
    <message>
        <source>&amp;Base:</source>
        <translation>&amp;Basis:</translation>
    </message>
    <message>
        <source>C&amp;andidate:</source>
        <translation>K&amp;andidat:</translation>
    </message>
    <message>
        <source>&amp;Run What-If</source>
        <translation>Was-wäre-wenn aus&amp;führen</translation>
    </message>
    <message>
        <source>Replay the whole evidence timeline under both policy sets (F5)</source>
        <translation>Die ganze Nachweis-Zeitleiste unter beiden Richtliniensätzen abspielen (F5)</translation>
    </message>
    <message>
        <source>&amp;Cancel</source>
        <translation>Abb&amp;rechen</translation>
    </message>
    <message>
        <source>Stop the what-if run (Esc)</source>
        <translation>Den Was-wäre-wenn-Lauf anhalten (Esc)</translation>
    </message>
    <message>
        <source>Replaying the evidence timeline under both policy sets…</source>
        <translation>Die Nachweis-Zeitleiste wird unter beiden Richtliniensätzen abgespielt …</translation>
    </message>
    <message>
        <source>The what-if failed: %1</source>
        <translation>Der Was-wäre-wenn-Vergleich ist fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>What-if cancelled; the table still shows the previous result.</source>
        <translation>Was-wäre-wenn abgebrochen; die Tabelle zeigt weiter das vorige Ergebnis.</translation>
    </message>
    <message>
        <source>What-if cancelled.</source>
        <translation>Was-wäre-wenn abgebrochen.</translation>
    </message>
    <message>
        <source>Pick two policy sets and run the what-if.</source>
        <translation>Zwei Richtliniensätze wählen und den Was-wäre-wenn-Vergleich ausführen.</translation>
    </message>
    <message>
        <source>the policy studio's unsaved edit</source>
        <translation>die ungespeicherte Bearbeitung im Richtlinien-Studio</translation>
    </message>
    <message>
        <source>version %1</source>
        <translation>Version %1</translation>
    </message>
    <message>
        <source>Version %1 — %2 (%3)</source>
        <translation>Version %1 — %2 (%3)</translation>
    </message>
    <message>
        <source>no comment</source>
        <translation>kein Kommentar</translation>
    </message>
    <message>
        <source>Unsaved edit in the Policy Studio</source>
        <translation>Ungespeicherte Bearbeitung im Richtlinien-Studio</translation>
    </message>
    <message>
        <source>the policy studio's unsaved registration entries</source>
        <translation>die ungespeicherten Registrierungseinträge des Richtlinien-Studios</translation>
    </message>
    <message>
        <source>registration entries version %1</source>
        <translation>Registrierungseinträge Version %1</translation>
    </message>
    <message>
        <source>Registration entries version %1 — %2 (%3)</source>
        <translation>Registrierungseinträge Version %1 — %2 (%3)</translation>
    </message>
    <message>
        <source>Unsaved registration entries in the Policy Studio</source>
        <translation>Ungespeicherte Registrierungseinträge im Richtlinien-Studio</translation>
    </message>
    <message>
        <source>Save a policy version first: the what-if compares against one.</source>
        <translation>Zuerst eine Richtlinienversion speichern: Der Was-wäre-wenn-Vergleich braucht eine als Basis.</translation>
    </message>
    <message>
        <source>The policy studio is not open.</source>
        <translation>Das Richtlinien-Studio ist nicht geöffnet.</translation>
    </message>
    <message>
        <source>Candidate: %1; base: %2.</source>
        <translation>Kandidat: %1; Basis: %2.</translation>
    </message>
    <message>
        <source>No subject fares differently over the whole timeline.</source>
        <translation>Über die ganze Zeitleiste ergeht es keinem Subjekt anders.</translation>
    </message>
    <message>
        <source>Subjects that differ: %1 — identities gained: %2, lost: %3, changed: %4.</source>
        <translation>Abweichende Subjekte: %1 — Identitäten gewonnen: %2, verloren: %3, geändert: %4.</translation>
    </message>
</context>
<context>
    <name>ta::models::EvidenceTimelineModel</name>
    <message>
        <source>Affirming</source>
        <translation>Bestätigt</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>Warnung</translation>
    </message>
    <message>
        <source>Refused</source>
        <translation>Abgelehnt</translation>
    </message>
    <message>
        <source>Not verified</source>
        <translation>Nicht geprüft</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <source>Subject</source>
        <translation>Subjekt</translation>
    </message>
    <message>
        <source>Attestor</source>
        <translation>Attestor</translation>
    </message>
    <message>
        <source>Verdict</source>
        <translation>Urteil</translation>
    </message>
    <message>
        <source>Reasons</source>
        <translation>Gründe</translation>
    </message>
    <message>
        <source>Selectors</source>
        <translation>Selektoren</translation>
    </message>
</context>
<context>
    <name>ta::models::EvidenceImporter</name>
    <message>
        <source>Importing %1</source>
        <translation>%1 wird importiert</translation>
    </message>
    <message>
        <source>Verifying evidence</source>
        <translation>Nachweise werden geprüft</translation>
    </message>
</context>
<context>
    <name>ta::views::EvidenceTimeline</name>
    <message>
        <source>Any start</source>
        <translation>Beliebiger Beginn</translation>
    </message>
    <message>
        <source>Any end</source>
        <translation>Beliebiges Ende</translation>
    </message>
    <message>
        <source>&amp;Import…</source>
        <translation>&amp;Importieren…</translation>
    </message>
    <message>
        <source>Subject contains…</source>
        <translation>Subjekt enthält…</translation>
    </message>
    <message>
        <source>Any verdict</source>
        <translation>Beliebiges Urteil</translation>
    </message>
    <message>
        <source>Any attestor</source>
        <translation>Beliebiger Attestor</translation>
    </message>
    <message>
        <source>Records at or after this instant (UTC)</source>
        <translation>Datensätze ab diesem Zeitpunkt (UTC)</translation>
    </message>
    <message>
        <source>Records at or before this instant (UTC)</source>
        <translation>Datensätze bis zu diesem Zeitpunkt (UTC)</translation>
    </message>
    <message>
        <source>Import evidence records (JSON Lines); files can also be dropped here</source>
        <translation>Nachweis-Datensätze importieren (JSON Lines); Dateien können auch hier abgelegt werden</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message numerus="yes">
        <source>Imported %n record(s) from %1.</source>
        <translation>
            <numerusform>%n Datensatz aus %1 importiert.</numerusform>
            <numerusform>%n Datensätze aus %1 importiert.</numerusform>
        </translation>
    </message>
    <message>
        <source>Import of %1 cancelled: nothing was imported.</source>
        <translation>Import von %1 abgebrochen: nichts wurde importiert.</translation>
    </message>
    <message>
        <source>%1, line %2: %3 Nothing was imported.</source>
        <translation>%1, Zeile %2: %3 Nichts wurde importiert.</translation>
    </message>
    <message>
        <source>%1: %2 Nothing was imported.</source>
        <translation>%1: %2 Nichts wurde importiert.</translation>
    </message>
    <message>
        <source>The records could not be verified: %1</source>
        <translation>Die Datensätze konnten nicht geprüft werden: %1</translation>
    </message>
    <message>
        <source>Working</source>
        <translation>In Arbeit</translation>
    </message>
    <message numerus="yes">
        <source>%n record(s)</source>
        <translation>
            <numerusform>%n Datensatz</numerusform>
            <numerusform>%n Datensätze</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n record(s) match</source>
        <translation>
            <numerusform>%n Datensatz passt</numerusform>
            <numerusform>%n Datensätze passen</numerusform>
        </translation>
    </message>
    <message>
        <source>Import Evidence</source>
        <translation>Nachweise importieren</translation>
    </message>
    <message>
        <source>Evidence records (*.jsonl *.json);;All files (*)</source>
        <translation>Nachweis-Datensätze (*.jsonl *.json);;Alle Dateien (*)</translation>
    </message>
</context>
<context>
    <name>ta::views::TaskProgress</name>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Cancel %1 (Esc)</source>
        <translation>%1 abbrechen (Esc)</translation>
    </message>
</context>
<context>
    <name>ta::app::LongWork</name>
    <message>
        <source>%1 failed.</source>
        <translation>%1 ist fehlgeschlagen.</translation>
    </message>
</context>
<context>
    <name>ta::models::PolicyResimulator</name>
    <message>
        <source>Reading the evidence for the policy studio</source>
        <translation>Die Evidenz für das Richtlinienstudio wird gelesen</translation>
    </message>
    <message>
        <source>Re-simulating the policies</source>
        <translation>Richtlinien werden neu simuliert</translation>
    </message>
</context>
<context>
    <name>ta::models::DesignModel</name>
    <message>
        <source>the design could not be written</source>
        <translation>der Entwurf konnte nicht geschrieben werden</translation>
    </message>
    <message>
        <source>%1 is in the design already</source>
        <translation>%1 ist bereits im Entwurf</translation>
    </message>
    <message>
        <source>Add trust domain %1 to the design</source>
        <translation>Vertrauensdomäne %1 zum Entwurf hinzufügen</translation>
    </message>
    <message>
        <source>Design trust domain %1</source>
        <translation>Vertrauensdomäne %1 entwerfen</translation>
    </message>
    <message>
        <source>%1 is not in the design</source>
        <translation>%1 ist nicht im Entwurf</translation>
    </message>
    <message>
        <source>%1 holds the design's platforms: remove them first</source>
        <translation>%1 enthält die Plattformen des Entwurfs: zuerst diese entfernen</translation>
    </message>
    <message>
        <source>Remove trust domain %1 from the design</source>
        <translation>Vertrauensdomäne %1 aus dem Entwurf entfernen</translation>
    </message>
    <message>
        <source>%1 is not a platform key</source>
        <translation>%1 ist kein Plattformschlüssel</translation>
    </message>
    <message>
        <source>add a trust domain first</source>
        <translation>zuerst eine Vertrauensdomäne hinzufügen</translation>
    </message>
    <message>
        <source>%1 is not a trust domain of the workspace</source>
        <translation>%1 ist keine Vertrauensdomäne des Arbeitsbereichs</translation>
    </message>
    <message>
        <source>Add platform %1</source>
        <translation>Plattform %1 hinzufügen</translation>
    </message>
    <message>
        <source>Remove platform %1</source>
        <translation>Plattform %1 entfernen</translation>
    </message>
    <message>
        <source>%1 is not a platform of the design</source>
        <translation>%1 ist keine Plattform des Entwurfs</translation>
    </message>
    <message>
        <source>Add node %1</source>
        <translation>Knoten %1 hinzufügen</translation>
    </message>
    <message>
        <source>Remove node %1</source>
        <translation>Knoten %1 entfernen</translation>
    </message>
    <message>
        <source>%1 is not a node of the design</source>
        <translation>%1 ist kein Knoten des Entwurfs</translation>
    </message>
    <message>
        <source>Add workload %1</source>
        <translation>Workload %1 hinzufügen</translation>
    </message>
    <message>
        <source>Remove workload %1</source>
        <translation>Workload %1 entfernen</translation>
    </message>
    <message>
        <source>a trust domain does not federate with itself</source>
        <translation>eine Vertrauensdomäne föderiert nicht mit sich selbst</translation>
    </message>
    <message>
        <source>%1 federates with %2 already</source>
        <translation>%1 föderiert bereits mit %2</translation>
    </message>
    <message>
        <source>Federate %1 and %2</source>
        <translation>%1 und %2 föderieren</translation>
    </message>
    <message>
        <source>Federate %1 with %2</source>
        <translation>%1 mit %2 föderieren</translation>
    </message>
    <message>
        <source>a cluster name is lower-case letters, digits, '.' and '-'</source>
        <translation>ein Clustername besteht aus Kleinbuchstaben, Ziffern, '.' und '-'</translation>
    </message>
    <message>
        <source>an AWS account ID is 12 digits</source>
        <translation>eine AWS-Konto-ID hat 12 Ziffern</translation>
    </message>
    <message>
        <source>a Google Cloud project ID is 6 to 30 lower-case letters, digits and '-', starting with a letter</source>
        <translation>eine Google-Cloud-Projekt-ID hat 6 bis 30 Kleinbuchstaben, Ziffern und '-' und beginnt mit einem Buchstaben</translation>
    </message>
    <message>
        <source>the TPM host group has no name</source>
        <translation>die TPM-Hostgruppe hat keinen Namen</translation>
    </message>
    <message>
        <source>"%1" is not a SPIFFE path segment (letters, digits, '.', '-', '_')</source>
        <translation>„%1“ ist kein SPIFFE-Pfadsegment (Buchstaben, Ziffern, '.', '-', '_')</translation>
    </message>
    <message>
        <source>"%1" is not a selector of the form type:key:value</source>
        <translation>„%1“ ist kein Selektor der Form typ:schlüssel:wert</translation>
    </message>
    <message>
        <source>"%1": a Kubernetes node attests k8s selectors</source>
        <translation>„%1“: ein Kubernetes-Knoten bestätigt k8s-Selektoren</translation>
    </message>
    <message>
        <source>"%1": k8s selectors need a Kubernetes node</source>
        <translation>„%1“: k8s-Selektoren brauchen einen Kubernetes-Knoten</translation>
    </message>
    <message>
        <source>"%1": a uid is a number</source>
        <translation>„%1“: eine UID ist eine Zahl</translation>
    </message>
    <message>
        <source>"%1": the design knows k8s:ns, k8s:sa, k8s:container-image, docker:image_id and unix:uid</source>
        <translation>„%1“: der Entwurf kennt k8s:ns, k8s:sa, k8s:container-image, docker:image_id und unix:uid</translation>
    </message>
    <message>
        <source>a Kubernetes workload needs k8s:ns and k8s:sa selectors</source>
        <translation>ein Kubernetes-Workload braucht die Selektoren k8s:ns und k8s:sa</translation>
    </message>
</context>
<context>
    <name>ta::models::DesignGenerator</name>
    <message>
        <source>the design has no node to attest</source>
        <translation>der Entwurf hat keinen Knoten zum Bestätigen</translation>
    </message>
    <message>
        <source>trust domain %1 is not in the workspace</source>
        <translation>Vertrauensdomäne %1 ist nicht im Arbeitsbereich</translation>
    </message>
    <message>
        <source>Generating evidence for the design</source>
        <translation>Nachweise für den Entwurf werden erzeugt</translation>
    </message>
</context>
<context>
    <name>ta::views::DesignDialog</name>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <source>Add Trust Domain to the Design</source>
        <translation>Vertrauensdomäne zum Entwurf hinzufügen</translation>
    </message>
    <message>
        <source>example.org</source>
        <translation>example.org</translation>
    </message>
    <message>
        <source>Add Platform</source>
        <translation>Plattform hinzufügen</translation>
    </message>
    <message>
        <source>&amp;Kind:</source>
        <translation>&amp;Art:</translation>
    </message>
    <message>
        <source>Kubernetes cluster (k8s_psat)</source>
        <translation>Kubernetes-Cluster (k8s_psat)</translation>
    </message>
    <message>
        <source>AWS account (aws_iid)</source>
        <translation>AWS-Konto (aws_iid)</translation>
    </message>
    <message>
        <source>Google Cloud project (gcp_iit)</source>
        <translation>Google-Cloud-Projekt (gcp_iit)</translation>
    </message>
    <message>
        <source>TPM host group (tpm)</source>
        <translation>TPM-Hostgruppe (tpm)</translation>
    </message>
    <message>
        <source>cluster name, account ID or project ID</source>
        <translation>Clustername, Konto-ID oder Projekt-ID</translation>
    </message>
    <message>
        <source>&amp;Trust domain:</source>
        <translation>&amp;Vertrauensdomäne:</translation>
    </message>
    <message>
        <source>Add Node</source>
        <translation>Knoten hinzufügen</translation>
    </message>
    <message>
        <source>node name</source>
        <translation>Knotenname</translation>
    </message>
    <message>
        <source>&amp;Platform:</source>
        <translation>&amp;Plattform:</translation>
    </message>
    <message>
        <source>Add Workload</source>
        <translation>Workload hinzufügen</translation>
    </message>
    <message>
        <source>workload name</source>
        <translation>Workload-Name</translation>
    </message>
    <message>
        <source>&amp;Node:</source>
        <translation>&amp;Knoten:</translation>
    </message>
    <message>
        <source>One selector a line, as SPIRE writes them:
k8s:ns:payments
k8s:sa:api
k8s:container-image:registry.example/pay/api
unix:uid:1001</source>
        <translation>Ein Selektor pro Zeile, wie SPIRE sie schreibt:
k8s:ns:payments
k8s:sa:api
k8s:container-image:registry.example/pay/api
unix:uid:1001</translation>
    </message>
    <message>
        <source>&amp;Selectors:</source>
        <translation>&amp;Selektoren:</translation>
    </message>
    <message>
        <source>Federate Trust Domains</source>
        <translation>Vertrauensdomänen föderieren</translation>
    </message>
    <message>
        <source>&amp;Federates with:</source>
        <translation>&amp;Föderiert mit:</translation>
    </message>
    <message>
        <source>&amp;Both ways (each holds the other's bundle)</source>
        <translation>In &amp;beide Richtungen (jede hält das Bundle der anderen)</translation>
    </message>
    <message>
        <source>&amp;Add</source>
        <translation>&amp;Hinzufügen</translation>
    </message>
    <message>
        <source>The workspace was closed.</source>
        <translation>Der Arbeitsbereich wurde geschlossen.</translation>
    </message>
    <message>
        <source>Add a trust domain first.</source>
        <translation>Zuerst eine Vertrauensdomäne hinzufügen.</translation>
    </message>
    <message>
        <source>Add a platform first.</source>
        <translation>Zuerst eine Plattform hinzufügen.</translation>
    </message>
    <message>
        <source>Add a node first.</source>
        <translation>Zuerst einen Knoten hinzufügen.</translation>
    </message>
    <message>
        <source>Federation needs two trust domains.</source>
        <translation>Föderation braucht zwei Vertrauensdomänen.</translation>
    </message>
    <message>
        <source>Choose another trust domain to federate with.</source>
        <translation>Eine andere Vertrauensdomäne zum Föderieren wählen.</translation>
    </message>
</context>
<context>
    <name>ta::views::GenerateEvidenceDialog</name>
    <message>
        <source>Generate Evidence</source>
        <translation>Nachweise erzeugen</translation>
    </message>
    <message>
        <source>Writes trust anchors and a timeline of evidence for the design, ending now: every node attests through its platform's attestor and every workload through its node's agent.</source>
        <translation>Schreibt Vertrauensanker und eine Zeitleiste von Nachweisen für den Entwurf, die jetzt endet: jeder Knoten bestätigt sich über den Attestor seiner Plattform, jeder Workload über den Agenten seines Knotens.</translation>
    </message>
    <message>
        <source> h</source>
        <translation> h</translation>
    </message>
    <message>
        <source>Timeline &amp;length:</source>
        <translation>&amp;Länge der Zeitleiste:</translation>
    </message>
    <message>
        <source> min</source>
        <translation> min</translation>
    </message>
    <message>
        <source>Round &amp;interval:</source>
        <translation>Runden&amp;intervall:</translation>
    </message>
    <message>
        <source> %</source>
        <translation> %</translation>
    </message>
    <message>
        <source>&amp;Drift rate:</source>
        <translation>&amp;Abweichungsrate:</translation>
    </message>
    <message>
        <source>&amp;Seed:</source>
        <translation>&amp;Startwert:</translation>
    </message>
    <message>
        <source>An image &amp;update half-way</source>
        <translation>Ein Image-&amp;Update zur Hälfte</translation>
    </message>
    <message>
        <source>The first cluster's &amp;key revoked at 60 %</source>
        <translation>Der &amp;Schlüssel des ersten Clusters bei 60 % widerrufen</translation>
    </message>
    <message>
        <source>&amp;Generate</source>
        <translation>&amp;Erzeugen</translation>
    </message>
</context>
<context>
    <name>ta::views::DesignPalette</name>
    <message>
        <source>Design</source>
        <translation>Entwurf</translation>
    </message>
    <message>
        <source>Add &amp;Trust Domain…</source>
        <translation>&amp;Vertrauensdomäne hinzufügen…</translation>
    </message>
    <message>
        <source>Add a trust domain to the design</source>
        <translation>Eine Vertrauensdomäne zum Entwurf hinzufügen</translation>
    </message>
    <message>
        <source>Add &amp;Platform…</source>
        <translation>&amp;Plattform hinzufügen…</translation>
    </message>
    <message>
        <source>Add a Kubernetes cluster, a cloud account or a TPM host group to the design</source>
        <translation>Einen Kubernetes-Cluster, ein Cloud-Konto oder eine TPM-Hostgruppe zum Entwurf hinzufügen</translation>
    </message>
    <message>
        <source>Add &amp;Node…</source>
        <translation>&amp;Knoten hinzufügen…</translation>
    </message>
    <message>
        <source>Add &amp;Workload…</source>
        <translation>&amp;Workload hinzufügen…</translation>
    </message>
    <message>
        <source>&amp;Federate…</source>
        <translation>&amp;Föderieren…</translation>
    </message>
    <message>
        <source>&amp;Connect</source>
        <translation>Ver&amp;binden</translation>
    </message>
    <message>
        <source>Drag from one trust domain to another to federate them (or drag with Shift held)</source>
        <translation>Von einer Vertrauensdomäne zu einer anderen ziehen, um sie zu föderieren (oder mit gedrückter Umschalttaste ziehen)</translation>
    </message>
    <message>
        <source>&amp;Generate Evidence…</source>
        <translation>Nachweise &amp;erzeugen…</translation>
    </message>
    <message>
        <source>Generate anchors and evidence for the design</source>
        <translation>Anker und Nachweise für den Entwurf erzeugen</translation>
    </message>
    <message numerus="yes">
        <source>Generated %n evidence record(s) for the design.</source>
        <translation>
            <numerusform>%n Nachweis für den Entwurf erzeugt.</numerusform>
            <numerusform>%n Nachweise für den Entwurf erzeugt.</numerusform>
        </translation>
    </message>
    <message>
        <source>No evidence generated: %1</source>
        <translation>Keine Nachweise erzeugt: %1</translation>
    </message>
    <message>
        <source>&amp;Remove Platform %1 from the Design</source>
        <translation>Plattform %1 aus dem Entwurf &amp;entfernen</translation>
    </message>
    <message>
        <source>&amp;Remove Node %1 from the Design</source>
        <translation>Knoten %1 aus dem Entwurf &amp;entfernen</translation>
    </message>
    <message>
        <source>&amp;Remove Workload %1 from the Design</source>
        <translation>Workload %1 aus dem Entwurf &amp;entfernen</translation>
    </message>
    <message>
        <source>&amp;Federate %1 With…</source>
        <translation>%1 &amp;föderieren mit…</translation>
    </message>
    <message>
        <source>&amp;Remove Trust Domain %1 from the Design</source>
        <translation>Vertrauensdomäne %1 aus dem Entwurf &amp;entfernen</translation>
    </message>
    <message>
        <source>%1 federates with %2 (one way). Edit its bundle endpoint in the Federation dock.</source>
        <translation>%1 föderiert mit %2 (in eine Richtung). Den Bundle-Endpunkt im Föderations-Dock bearbeiten.</translation>
    </message>
</context>
<context>
    <name>ta::models::AuthorityPreparer</name>
    <message>
        <source>Preparing a new authority for %1</source>
        <translation>Neue Autorität für %1 wird vorbereitet</translation>
    </message>
</context>
</TS>
