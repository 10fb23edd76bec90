<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_FR">
<context>
    <name>main</name>
    <message>
        <location filename="../app/gui/main.cpp" line="+35"/>
        <source>Design and audit SPIFFE workload identity.</source>
        <translation>Concevoir et auditer les identités de charges de travail SPIFFE.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The workspace to open; the demo workspace by default.</source>
        <translation>L&apos;espace de travail à ouvrir ; par défaut l&apos;espace de démonstration.</translation>
    </message>
</context>
<context>
    <name>ta::app::MainWindow</name>
    <message>
        <location filename="../app/gui/MainWindow.cpp" line="+116"/>
        <source>Trust &amp;Domains</source>
        <translation>&amp;Domaines de confiance</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Inspector</source>
        <translation>&amp;Inspecteur</translation>
    </message>
    <message>
        <location line="-1"/>
        <source>CA &amp;Slots</source>
        <translation>&amp;Emplacements de l&apos;AC</translation>
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
        <translation>Domaines de confiance</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Inspector</source>
        <translation>Inspecteur</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>CA Slots</source>
        <translation>Emplacements de l&apos;AC</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Bundle</source>
        <translation>Bundle</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Trust Anchors</source>
        <translation>Ancres de confiance</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>&amp;File</source>
        <translation>&amp;Fichier</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;New Workspace…</source>
        <translation>&amp;Nouvel espace de travail…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Open…</source>
        <translation>&amp;Ouvrir…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Open &amp;Recent</source>
        <translation>Ouvrir un fichier &amp;récent</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open &amp;Demo Workspace</source>
        <translation>Ouvrir l&apos;espace de &amp;démonstration</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Quit</source>
        <translation>&amp;Quitter</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Edit</source>
        <translation>&amp;Édition</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Undo</source>
        <translation>&amp;Annuler</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Redo</source>
        <translation>&amp;Rétablir</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Trust Domain</source>
        <translation>&amp;Domaine de confiance</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;New Trust Domain…</source>
        <translation>&amp;Nouveau domaine de confiance…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ctrl+T</source>
        <translation>Ctrl+T</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Delete Trust Domain</source>
        <translation>&amp;Supprimer le domaine de confiance</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Credential</source>
        <translation>&amp;Identifiant</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Issue SVID…</source>
        <translation>&amp;Émettre un SVID…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ctrl+I</source>
        <translation>Ctrl+I</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Re&amp;voke Credential</source>
        <translation>Ré&amp;voquer l&apos;identifiant</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Anchors</source>
        <translation>A&amp;ncres</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+23"/>
        <source>&amp;View</source>
        <translation>&amp;Affichage</translation>
    </message>
    <message>
        <location line="-18"/>
        <source>Trust &amp;Anchors</source>
        <translation>&amp;Ancres de confiance</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Policy Studio</source>
        <translation>Studio des politiques</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Policy Studio</source>
        <translation>Studio des &amp;politiques</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Open a workspace to edit its policies.</source>
        <translation>Ouvrez un espace de travail pour modifier ses politiques.</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>Open a workspace with File &gt; Open, or the demo with File &gt; Open Demo Workspace.</source>
        <translation>Ouvrez un espace de travail avec Fichier &gt; Ouvrir, ou la démonstration avec Fichier &gt; Ouvrir l&apos;espace de démonstration.</translation>
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
        <translation>Ouvrir un espace de travail</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Trust Atlas workspaces (*.atlas);;All files (*)</source>
        <translation>Espaces de travail Trust Atlas (*.atlas);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>New Workspace</source>
        <translation>Nouvel espace de travail</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Trust Atlas workspaces (*.atlas)</source>
        <translation>Espaces de travail Trust Atlas (*.atlas)</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Delete Trust Domain</source>
        <translation>Supprimer le domaine de confiance</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Deleted %1 with its CA and credentials. Undo brings it back.</source>
        <translation>%1 supprimé avec son AC et ses identifiants. « Annuler » le rétablit.</translation>
    </message>
    <message>
        <source>Credentials</source>
        <translation>Justificatifs</translation>
    </message>
    <message>
        <source>Findings</source>
        <translation>Constats</translation>
    </message>
    <message>
        <source>&amp;Credentials</source>
        <translation>&amp;Justificatifs</translation>
    </message>
    <message>
        <source>&amp;Findings</source>
        <translation>C&amp;onstats</translation>
    </message>
    <message>
        <source>Federation</source>
        <translation>Fédération</translation>
    </message>
    <message>
        <source>&amp;Federation</source>
        <translation>&amp;Fédération</translation>
    </message>
    <message>
        <source>Open a workspace to see its federation relationships.</source>
        <translation>Ouvrez un espace de travail pour voir ses relations de fédération.</translation>
    </message>
    <message>
        <source>Decision Log</source>
        <translation>Journal des décisions</translation>
    </message>
    <message>
        <source>&amp;Decision Log</source>
        <translation>&amp;Journal des décisions</translation>
    </message>
    <message>
        <source>CA &amp;Settings…</source>
        <translation>&amp;Paramètres de l’AC…</translation>
    </message>
    <message>
        <source>What-If</source>
        <translation>Simulation comparative</translation>
    </message>
    <message>
        <source>&amp;What-If</source>
        <translation>Simulation &amp;comparative</translation>
    </message>
    <message>
        <source>Open a workspace to compare its policy versions.</source>
        <translation>Ouvrez un espace de travail pour comparer ses versions de politiques.</translation>
    </message>
    <message>
        <source>Evidence Timeline</source>
        <translation>Chronologie des preuves</translation>
    </message>
    <message>
        <source>&amp;Evidence Timeline</source>
        <translation>Chronologie des pre&amp;uves</translation>
    </message>
    <message>
        <source>Import &amp;Evidence…</source>
        <translation>Importer des p&amp;reuves…</translation>
    </message>
    <message>
        <source>Open a workspace to see and import its evidence.</source>
        <translation>Ouvrez un espace de travail pour voir et importer ses preuves.</translation>
    </message>
    <message>
        <source>What-if run</source>
        <translation>Exécution what-if</translation>
    </message>
    <message>
        <source>De&amp;sign</source>
        <translation>Con&amp;ception</translation>
    </message>
</context>
<context>
    <name>ta::app::WorkspaceController</name>
    <message>
        <location filename="../app/gui/WorkspaceController.cpp" line="+62"/>
        <source>Cannot create the folder %1.</source>
        <translation>Impossible de créer le dossier %1.</translation>
    </message>
    <message>
        <source>Generating the demo workspace</source>
        <translation>Génération de l’espace de travail de démonstration</translation>
    </message>
    <message>
        <source>Cannot write %1.</source>
        <translation>Impossible d’écrire %1.</translation>
    </message>
</context>
<context>
    <name>ta::models::AnchorEditCommand</name>
    <message>
        <location filename="../models/AnchorEditCommand.cpp" line="+24"/>
        <source>Import trust anchors and reference values (entries: %1)</source>
        <translation>Importer des ancres de confiance et des valeurs de référence (entrées : %1)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Add trust anchor %1</source>
        <translation>Ajouter l&apos;ancre de confiance %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Add reference value %1</source>
        <translation>Ajouter la valeur de référence %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Edit trust anchor %1</source>
        <translation>Modifier l&apos;ancre de confiance %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Edit reference value %1</source>
        <translation>Modifier la valeur de référence %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Remove trust anchor %1</source>
        <translation>Supprimer l&apos;ancre de confiance %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Remove reference value %1</source>
        <translation>Supprimer la valeur de référence %1</translation>
    </message>
</context>
<context>
    <name>ta::models::AnchorImporter</name>
    <message>
        <source>Importing %1</source>
        <translation>Importation de %1</translation>
    </message>
</context>
<context>
    <name>ta::models::AnchorModel</name>
    <message>
        <location filename="../models/AnchorModel.cpp" line="+148"/>
        <source>Kubernetes cluster issuer</source>
        <translation>Émetteur de cluster Kubernetes</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>GCP signing keys (JWKS)</source>
        <translation>Clés de signature GCP (JWKS)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>AWS document signing certificate</source>
        <translation>Certificat de signature de documents AWS</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>x509pop CA certificate</source>
        <translation>Certificat d&apos;AC x509pop</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Join token</source>
        <translation>Jeton d&apos;enrôlement</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>TPM attestation key</source>
        <translation>Clé d&apos;attestation TPM</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cosign public key</source>
        <translation>Clé publique Cosign</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Golden PCR value</source>
        <translation>Valeur PCR de référence</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Allowed image digest</source>
        <translation>Empreinte d&apos;image autorisée</translation>
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
        <translation>Clé de %1 bits</translation>
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
        <translation>%1, audience %2, clés : %3</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Certificates: %1, SHA-256 %2</source>
        <translation>Certificats : %1, SHA-256 %2</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Single use, TTL %1 s; only its SHA-256 is stored</source>
        <translation>Usage unique, durée de vie %1 s ; seul son SHA-256 est enregistré</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>No limit</source>
        <translation>Sans limite</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>In force</source>
        <translation>En vigueur</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>From %1</source>
        <translation>À partir du %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Expired %1</source>
        <translation>Expiré le %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Until %1</source>
        <translation>Jusqu&apos;au %1</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Valid</source>
        <translation>Valide</translation>
    </message>
    <message>
        <location line="+53"/>
        <source>Kind</source>
        <translation>Type</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Name / subject / image</source>
        <translation>Nom / sujet / image</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Detail</source>
        <translation>Détail</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Validity</source>
        <translation>Validité</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>ID</source>
        <translation>ID</translation>
    </message>
    <message>
        <source>Used</source>
        <translation>Utilisé</translation>
    </message>
</context>
<context>
    <name>ta::models::AuthoritySlotModel</name>
    <message>
        <location filename="../models/AuthoritySlotModel.cpp" line="+63"/>
        <source>Prepared</source>
        <translation>Préparée</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Active</source>
        <translation>Active</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Old</source>
        <translation>Ancienne</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Revoked</source>
        <translation>Révoqué</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1, tainted</source>
        <translation>%1, compromise</translation>
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
        <translation>Type</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Status</source>
        <translation>État</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Authority ID</source>
        <translation>ID d&apos;autorité</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Created</source>
        <translation>Créée</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Expires</source>
        <translation>Expire le</translation>
    </message>
</context>
<context>
    <name>ta::models::AuthorityStatusCommand</name>
    <message>
        <location filename="../models/AuthorityStatusCommand.cpp" line="+22"/>
        <source>Activate authority in %1</source>
        <translation>Activer une autorité dans %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Taint authority in %1</source>
        <translation>Marquer une autorité compromise dans %1</translation>
    </message>
</context>
<context>
    <name>ta::models::CreateTrustDomainCommand</name>
    <message>
        <location filename="../models/CreateTrustDomainCommand.cpp" line="+11"/>
        <source>Create trust domain %1</source>
        <translation>Créer le domaine de confiance %1</translation>
    </message>
</context>
<context>
    <name>ta::models::CredentialModel</name>
    <message>
        <location filename="../models/CredentialModel.cpp" line="+61"/>
        <source>Valid</source>
        <translation>Valide</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Expired</source>
        <translation>Expiré</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Revoked</source>
        <translation>Révoqué</translation>
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
        <translation>ID SPIFFE</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Type</source>
        <translation>Type</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Trust domain</source>
        <translation>Domaine de confiance</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Status</source>
        <translation>État</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Expires</source>
        <translation>Expire le</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Serial / fingerprint</source>
        <translation>Numéro de série / empreinte</translation>
    </message>
</context>
<context>
    <name>ta::models::DeleteTrustDomainCommand</name>
    <message>
        <location filename="../models/DeleteTrustDomainCommand.cpp" line="+12"/>
        <source>Delete trust domain %1</source>
        <translation>Supprimer le domaine de confiance %1</translation>
    </message>
</context>
<context>
    <name>ta::models::EntryDraft</name>
    <message>
        <location filename="../models/EntryDraft.cpp" line="+49"/>
        <source>Add entry %1</source>
        <translation>Ajouter l&apos;entrée %1</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Duplicate entry %1</source>
        <translation>Dupliquer l&apos;entrée %1</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Remove entry %1</source>
        <translation>Supprimer l&apos;entrée %1</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Move entry %1</source>
        <translation>Déplacer l&apos;entrée %1</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Edit entry %1</source>
        <translation>Modifier l&apos;entrée %1</translation>
    </message>
</context>
<context>
    <name>ta::models::IssueCredentialCommand</name>
    <message>
        <location filename="../models/IssueCredentialCommand.cpp" line="+13"/>
        <source>Issue X509-SVID %1</source>
        <translation>Émettre le X509-SVID %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Issue JWT-SVID %1</source>
        <translation>Émettre le JWT-SVID %1</translation>
    </message>
</context>
<context>
    <name>ta::models::PolicyDraft</name>
    <message>
        <location filename="../models/PolicyDraft.cpp" line="+78"/>
        <source>Add policy %1</source>
        <translation>Ajouter la politique %1</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Duplicate policy %1</source>
        <translation>Dupliquer la politique %1</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Remove policy %1</source>
        <translation>Supprimer la politique %1</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Move policy %1</source>
        <translation>Déplacer la politique %1</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Edit policy %1</source>
        <translation>Modifier la politique %1</translation>
    </message>
</context>
<context>
    <name>ta::models::SetCredentialStatusCommand</name>
    <message>
        <location filename="../models/SetCredentialStatusCommand.cpp" line="+16"/>
        <source>Revoke credential %1</source>
        <translation>Révoquer l&apos;identifiant %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reinstate credential %1</source>
        <translation>Rétablir l&apos;identifiant %1</translation>
    </message>
</context>
<context>
    <name>ta::models::TrustDomainModel</name>
    <message>
        <location filename="../models/TrustDomainModel.cpp" line="+69"/>
        <source>Trust domain</source>
        <translation>Domaine de confiance</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Key type</source>
        <translation>Type de clé</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Sequence</source>
        <translation>Séquence</translation>
    </message>
</context>
<context>
    <name>ta::views::AnchorDetails</name>
    <message>
        <location filename="../views/AnchorDetails.cpp" line="+17"/>
        <source>open</source>
        <translation>ouvert</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Select a trust anchor or reference value to see its details.</source>
        <translation>Sélectionnez une ancre de confiance ou une valeur de référence pour en voir le détail.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>%1: %2</source>
        <translation>%1 : %2</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Kind</source>
        <translation>Type</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>ID</source>
        <translation>ID</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Node</source>
        <translation>Nœud</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>PCR</source>
        <translation>PCR</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>%1, index %2</source>
        <translation>%1, index %2</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Golden value</source>
        <translation>Valeur de référence</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Image repository</source>
        <translation>Dépôt d&apos;images</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Allowed digest</source>
        <translation>Empreinte autorisée</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Issuer</source>
        <translation>Émetteur</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Audiences</source>
        <translation>Audiences</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Service accounts allowed</source>
        <translation>Comptes de service autorisés</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Projects allowed</source>
        <translation>Projets autorisés</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>no allow list: any is accepted, with a warning</source>
        <translation>pas de liste d&apos;autorisation : tout est accepté, avec un avertissement</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Public key</source>
        <translation>Clé publique</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+5"/>
        <source>%1, SPKI SHA-256 %2</source>
        <translation>%1, SHA-256 du SPKI %2</translation>
    </message>
    <message>
        <location line="-1"/>
        <source>Key %1</source>
        <translation>Clé %1</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Certificate</source>
        <translation>Certificat</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>    issuer %1, serial %2</source>
        <translation>    émetteur %1, numéro de série %2</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>    valid %1 to %2%3</source>
        <translation>    valide du %1 au %2%3</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>, CA</source>
        <translation>, AC</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>    SHA-256 %1</source>
        <translation>    SHA-256 %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Token SHA-256</source>
        <translation>SHA-256 du jeton</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The token itself is not stored: it was shown once, when it was created. It is accepted once, until it expires.</source>
        <translation>Le jeton lui-même n&apos;est pas enregistré : il a été affiché une seule fois, à sa création. Il est accepté une fois, jusqu&apos;à son expiration.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Valid</source>
        <translation>Valide</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>%1 to %2</source>
        <translation>du %1 au %2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Status</source>
        <translation>État</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Stored entry:</source>
        <translation>Entrée enregistrée :</translation>
    </message>
    <message>
        <source>Records verified</source>
        <translation>Enregistrements vérifiés</translation>
    </message>
    <message>
        <source>    %1  %2  %3</source>
        <translation>    %1  %2  %3</translation>
    </message>
    <message numerus="yes">
        <source>    … and %n more</source>
        <translation>
            <numerusform>    … et %n autre</numerusform>
            <numerusform>    … et %n autres</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ta::core::AnchorKinds</name>
    <message>
        <source>C&amp;luster:</source>
        <translation>C&amp;luster :</translation>
    </message>
    <message>
        <source>&amp;Issuer:</source>
        <translation>&amp;Émetteur :</translation>
    </message>
    <message>
        <source>&amp;Audience:</source>
        <translation>A&amp;udience :</translation>
    </message>
    <message>
        <source>&amp;JWKS:</source>
        <translation>&amp;JWKS :</translation>
    </message>
    <message>
        <source>Ser&amp;vice accounts allowed:</source>
        <translation>Comptes de ser&amp;vice autorisés :</translation>
    </message>
    <message>
        <source>&amp;Node label keys:</source>
        <translation>Clés de libellés de &amp;nœud :</translation>
    </message>
    <message>
        <source>&amp;Pod label keys:</source>
        <translation>Clés de libellés de &amp;pod :</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Nom :</translation>
    </message>
    <message>
        <source>&amp;Projects allowed:</source>
        <translation>&amp;Projets autorisés :</translation>
    </message>
    <message>
        <source>&amp;Certificate (PEM):</source>
        <translation>&amp;Certificat (PEM) :</translation>
    </message>
    <message>
        <source>&amp;CA certificates (PEM):</source>
        <translation>Certificats d&apos;&amp;AC (PEM) :</translation>
    </message>
    <message>
        <source>&amp;Token:</source>
        <translation>&amp;Jeton :</translation>
    </message>
    <message>
        <source>Time to &amp;live:</source>
        <translation>Durée de &amp;vie :</translation>
    </message>
    <message>
        <source>C&amp;reated at:</source>
        <translation>C&amp;réé le :</translation>
    </message>
    <message>
        <source>&amp;Node:</source>
        <translation>&amp;Nœud :</translation>
    </message>
    <message>
        <source>&amp;Attestation key (PEM):</source>
        <translation>Clé d&apos;&amp;attestation (PEM) :</translation>
    </message>
    <message>
        <source>&amp;Public key (PEM):</source>
        <translation>Clé &amp;publique (PEM) :</translation>
    </message>
    <message>
        <source>&amp;Bank:</source>
        <translation>&amp;Banque :</translation>
    </message>
    <message>
        <source>&amp;Index:</source>
        <translation>&amp;Index :</translation>
    </message>
    <message>
        <source>&amp;Value (hex):</source>
        <translation>&amp;Valeur (hex) :</translation>
    </message>
    <message>
        <source>&amp;Image repository:</source>
        <translation>Dépôt d&apos;&amp;images :</translation>
    </message>
    <message>
        <source>Di&amp;gest:</source>
        <translation>Em&amp;preinte :</translation>
    </message>
    <message>
        <source>Valid &amp;from:</source>
        <translation>Valide à pa&amp;rtir du :</translation>
    </message>
    <message>
        <source>Valid &amp;until:</source>
        <translation>Valide jus&amp;qu&apos;au :</translation>
    </message>
    <message>
        <source>I&amp;D:</source>
        <translation>I&amp;D :</translation>
    </message>
    <message>
        <source>separated by commas</source>
        <translation>séparés par des virgules</translation>
    </message>
    <message>
        <source>derived from the entry</source>
        <translation>déduit de l&apos;entrée</translation>
    </message>
    <message>
        <source>Paste PEM text, or load it from a file</source>
        <translation>Collez le texte PEM ou chargez-le depuis un fichier</translation>
    </message>
    <message>
        <source>Paste the JWKS (JSON), or load it from a file</source>
        <translation>Collez le JWKS (JSON) ou chargez-le depuis un fichier</translation>
    </message>
    <message>
        <source>Instance &amp;label keys:</source>
        <translation>Clés de &amp;libellés d'instance :</translation>
    </message>
    <message>
        <source>&amp;Metadata keys:</source>
        <translation>Clés de &amp;métadonnées :</translation>
    </message>
    <message>
        <source>Ma&amp;x metadata value size:</source>
        <translation>Taille ma&amp;ximale d'une valeur de métadonnées :</translation>
    </message>
    <message>
        <source>bytes; SPIRE&apos;s default when empty</source>
        <translation>octets ; vide : la valeur par défaut de SPIRE</translation>
    </message>
</context>
<context>
    <name>ta::views::AnchorEntryDialog</name>
    <message>
        <location line="+46"/>
        <source>PEM or JSON files (*.pem *.crt *.json);;All files (*)</source>
        <translation>Fichiers PEM ou JSON (*.pem *.crt *.json);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>New Trust Anchor</source>
        <translation>Nouvelle ancre de confiance</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>New Reference Value</source>
        <translation>Nouvelle valeur de référence</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Edit Trust Anchor</source>
        <translation>Modifier l&apos;ancre de confiance</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Edit Reference Value</source>
        <translation>Modifier la valeur de référence</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>&amp;Kind:</source>
        <translation>&amp;Type :</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>&amp;Save</source>
        <translation>&amp;Enregistrer</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Load from File…</source>
        <translation>Charger depuis un fichier…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Load %1</source>
        <translation>Charger %1</translation>
    </message>
    <message>
        <location line="+31"/>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>set</source>
        <translation>défini</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>&amp;Copy</source>
        <translation>&amp;Copier</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Generate New</source>
        <translation>&amp;Générer un nouveau</translation>
    </message>
    <message>
        <location line="+62"/>
        <source>SHA-256 %1</source>
        <translation>SHA-256 %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Only the token&apos;s SHA-256 is stored: the token itself cannot be shown again.</source>
        <translation>Seul le SHA-256 du jeton est enregistré : le jeton lui-même ne peut plus être affiché.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Copy this token now and hand it to the node: only its SHA-256 is stored, so it is shown this once.</source>
        <translation>Copiez ce jeton maintenant et remettez-le au nœud : seul son SHA-256 est enregistré, il n&apos;est donc affiché que cette fois.</translation>
    </message>
    <message>
        <location line="+184"/>
        <source>%1: %2</source>
        <translation>%1 : %2</translation>
    </message>
</context>
<context>
    <name>ta::views::AnchorPanel</name>
    <message>
        <location filename="../views/AnchorPanel.cpp" line="+55"/>
        <source>Filter by name, issuer, digest, ID…</source>
        <translation>Filtrer par nom, émetteur, empreinte, ID…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Fi&amp;lter:</source>
        <translation>Fi&amp;ltre :</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>All kinds</source>
        <translation>Tous les types</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Kind:</source>
        <translation>&amp;Type :</translation>
    </message>
    <message>
        <location line="+52"/>
        <source>New &amp;Trust Anchor…</source>
        <translation>Nouvelle ancre de &amp;confiance…</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Add a trust anchor (undoable)</source>
        <translation>Ajouter une ancre de confiance (annulable)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ctrl+Shift+A</source>
        <translation>Ctrl+Shift+A</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>New &amp;Reference Value…</source>
        <translation>Nouvelle valeur de &amp;référence…</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Add a golden PCR value or an image digest</source>
        <translation>Ajouter une valeur PCR de référence ou une empreinte d&apos;image</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ctrl+Shift+R</source>
        <translation>Ctrl+Shift+R</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Edit…</source>
        <translation>&amp;Modifier…</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Edit the selected entry (undoable)</source>
        <translation>Modifier l&apos;entrée sélectionnée (annulable)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Re&amp;move</source>
        <translation>&amp;Supprimer</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Remove the selected entry (undoable)</source>
        <translation>Supprimer l&apos;entrée sélectionnée (annulable)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Import Anchors…</source>
        <translation>&amp;Importer des ancres…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Import an anchors file; a file with a bad entry imports nothing</source>
        <translation>Importer un fichier d&apos;ancres ; un fichier avec une entrée invalide n&apos;importe rien</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ctrl+Shift+I</source>
        <translation>Ctrl+Shift+I</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>E&amp;xport Anchors…</source>
        <translation>E&amp;xporter les ancres…</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Write every entry to an anchors file</source>
        <translation>Écrire toutes les entrées dans un fichier d&apos;ancres</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ctrl+Shift+E</source>
        <translation>Ctrl+Shift+E</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Anchors files (*.json);;All files (*)</source>
        <translation>Fichiers d&apos;ancres (*.json);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <location line="+100"/>
        <source>Saved %1. Undo takes it back.</source>
        <translation>%1 enregistré. Annuler le retire.</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Removed %1. Undo puts it back.</source>
        <translation>%1 supprimé. Annuler le rétablit.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Import Anchors</source>
        <translation>Importer des ancres</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Export Anchors</source>
        <translation>Exporter les ancres</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>Nothing was imported. Entry %1: %2 (%3)</source>
        <translation>Rien n&apos;a été importé. Entrée %1 : %2 (%3)</translation>
    </message>
    <message>
        <location line="-17"/>
        <location line="+24"/>
        <source>Nothing was imported: %1</source>
        <translation>Rien n&apos;a été importé : %1</translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>Imported %n entry(ies) from %1. Undo takes the import back.</source>
        <translation>
            <numerusform>%n entrée importée depuis %1. Annuler retire l&apos;importation.</numerusform>
            <numerusform>%n entrées importées depuis %1. Annuler retire l&apos;importation.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+22"/>
        <source>Exported %n entry(ies) to %1; join tokens as their SHA-256 only.</source>
        <translation>
            <numerusform>%n entrée exportée vers %1 ; les jetons d&apos;enrôlement seulement sous forme de SHA-256.</numerusform>
            <numerusform>%n entrées exportées vers %1 ; les jetons d&apos;enrôlement seulement sous forme de SHA-256.</numerusform>
        </translation>
    </message>
    <message>
        <location line="-33"/>
        <source>Nothing was imported. Entry %1: %2</source>
        <translation>Rien n&apos;a été importé. Entrée %1 : %2</translation>
    </message>
    <message>
        <source>Imported %1 entries from %2. Undo takes the import back.</source>
        <translation>%1 entrées importées depuis %2. Annuler retire l'importation.</translation>
    </message>
    <message>
        <source>Exported %1 entries to %2; join tokens as their SHA-256 only.</source>
        <translation>%1 entrées exportées vers %2 ; les jetons d'enrôlement seulement sous forme de SHA-256.</translation>
    </message>
    <message>
        <source>Nothing was imported. Line %1: %2</source>
        <translation>Rien n&apos;a été importé. Ligne %1 : %2</translation>
    </message>
</context>
<context>
    <name>ta::views::AuthorityPanel</name>
    <message>
        <location filename="../views/AuthorityPanel.cpp" line="+28"/>
        <source>Prepare &amp;X.509</source>
        <translation>Préparer &amp;X.509</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Prepare a new X.509 authority (published in the bundle at once; cannot be undone)</source>
        <translation>Préparer une nouvelle autorité X.509 (publiée aussitôt dans le bundle ; irréversible)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Prepare &amp;JWT</source>
        <translation>Préparer &amp;JWT</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Prepare a new JWT authority (published in the bundle at once; cannot be undone)</source>
        <translation>Préparer une nouvelle autorité JWT (publiée aussitôt dans le bundle ; irréversible)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Activate</source>
        <translation>&amp;Activer</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Make the selected prepared authority the one that signs</source>
        <translation>Faire de l&apos;autorité préparée sélectionnée celle qui signe</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Taint</source>
        <translation>&amp;Marquer compromise</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Mark the selected old authority so its credentials are re-issued</source>
        <translation>Marquer l&apos;ancienne autorité sélectionnée pour que ses identifiants soient réémis</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Revoke</source>
        <translation>&amp;Révoquer</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Remove the selected tainted authority from the bundle for good</source>
        <translation>Retirer définitivement du bundle l&apos;autorité compromise sélectionnée</translation>
    </message>
    <message>
        <location line="+81"/>
        <source>Prepare Authority</source>
        <translation>Préparer une autorité</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A new %1 authority of %2 is published in the bundle at once, and relying parties may fetch it. This cannot be undone, and clears the undo history.</source>
        <translation>Une nouvelle autorité %1 de %2 est publiée aussitôt dans le bundle, et les parties de confiance peuvent la récupérer. Cette action est irréversible et vide l&apos;historique d&apos;annulation.</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>Revoke Authority</source>
        <translation>Révoquer l&apos;autorité</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Authority %1 leaves the bundle of %2 for good, and everything it signed stops validating. As in SPIRE, revocation is final: this cannot be undone, and clears the undo history.</source>
        <translation>L&apos;autorité %1 quitte définitivement le bundle de %2, et tout ce qu&apos;elle a signé cesse d&apos;être valide. Comme dans SPIRE, la révocation est définitive : elle est irréversible et vide l&apos;historique d&apos;annulation.</translation>
    </message>
</context>
<context>
    <name>ta::views::BundleView</name>
    <message>
        <location filename="../views/BundleView.cpp" line="+28"/>
        <source>SPIFFE bundle (JWKS)</source>
        <translation>Bundle SPIFFE (JWKS)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>PEM (X.509 authorities)</source>
        <translation>PEM (autorités X.509)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Format:</source>
        <translation>&amp;Format :</translation>
    </message>
    <message>
        <location line="+41"/>
        <source>No trust domain selected</source>
        <translation>Aucun domaine de confiance sélectionné</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Sequence %1 · refresh hint %2 · %3 X.509 and %4 JWT authorities</source>
        <translation>Séquence %1 · délai de rafraîchissement %2 · %3 autorités X.509 et %4 JWT</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>none</source>
        <translation>aucune</translation>
    </message>
</context>
<context>
    <name>ta::views::CelEditor</name>
    <message>
        <location filename="../views/CelEditor.cpp" line="+99"/>
        <source>a condition must be a bool, not %1</source>
        <translation>une condition doit être un bool, pas %1</translation>
    </message>
    <message>
        <location line="+102"/>
        <source>%1: %2</source>
        <translation>%1 : %2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Example from the evidence: %1</source>
        <translation>Exemple tiré des preuves : %1</translation>
    </message>
</context>
<context>
    <name>ta::views::ClearKeysBanner</name>
    <message>
        <location filename="../views/ClearKeysBanner.cpp" line="+18"/>
        <source>&lt;b&gt;Keys stored in clear.&lt;/b&gt; The private keys of this workspace are not encrypted: use it for demos and tests only.</source>
        <translation>&lt;b&gt;Clés stockées en clair.&lt;/b&gt; Les clés privées de cet espace de travail ne sont pas chiffrées : à réserver aux démonstrations et aux tests.</translation>
    </message>
</context>
<context>
    <name>ta::views::CredentialInspector</name>
    <message>
        <location filename="../views/CredentialInspector.cpp" line="+72"/>
        <source>Certificate chain</source>
        <translation>Chaîne de certificats</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Header and claims</source>
        <translation>En-tête et revendications</translation>
    </message>
    <message>
        <location line="+85"/>
        <source>No credential selected</source>
        <translation>Aucun identifiant sélectionné</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Revoked in this workspace. Its signature still verifies against the bundle until it expires.</source>
        <translation>Révoqué dans cet espace de travail. Sa signature reste vérifiable avec le bundle jusqu&apos;à son expiration.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>not valid yet</source>
        <translation>pas encore valide</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>expired %1 min ago</source>
        <translation>expiré depuis %1 min</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 min left</source>
        <translation>encore %1 min</translation>
    </message>
    <message>
        <location line="+8"/>
        <location line="+88"/>
        <source>Type</source>
        <translation>Type</translation>
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
        <translation>Domaine de confiance</translation>
    </message>
    <message>
        <location line="-85"/>
        <location line="+58"/>
        <location line="+8"/>
        <location line="+24"/>
        <location line="+30"/>
        <location line="+7"/>
        <source>Invalid: %1</source>
        <translation>Invalide : %1</translation>
    </message>
    <message>
        <location line="-123"/>
        <location line="+92"/>
        <source>SPIFFE ID</source>
        <translation>ID SPIFFE</translation>
    </message>
    <message>
        <location line="-91"/>
        <source>Subject</source>
        <translation>Sujet</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Issuer</source>
        <translation>Émetteur</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Serial</source>
        <translation>Numéro de série</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Valid from</source>
        <translation>Valide à partir du</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Valid until</source>
        <translation>Valide jusqu&apos;au</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+100"/>
        <source>Validity</source>
        <translation>Validité</translation>
    </message>
    <message>
        <location line="-98"/>
        <source>Public key</source>
        <translation>Clé publique</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>EC, %1 bits</source>
        <translation>EC, %1 bits</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>RSA, %1 bits</source>
        <translation>RSA, %1 bits</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>other</source>
        <translation>autre</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Signature algorithm</source>
        <translation>Algorithme de signature</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Digital signature</source>
        <translation>Signature numérique</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Key encipherment</source>
        <translation>Chiffrement de clé</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Key agreement</source>
        <translation>Accord de clé</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Certificate signing</source>
        <translation>Signature de certificats</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>CRL signing</source>
        <translation>Signature de CRL</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Key usage</source>
        <translation>Utilisation de la clé</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+11"/>
        <location line="+2"/>
        <location line="+102"/>
        <source>none</source>
        <translation>aucune</translation>
    </message>
    <message>
        <location line="-111"/>
        <source>not restricted</source>
        <translation>non restreinte</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>TLS server authentication</source>
        <translation>Authentification serveur TLS</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>TLS client authentication</source>
        <translation>Authentification client TLS</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Extended key usage</source>
        <translation>Utilisation étendue de la clé</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>DNS names</source>
        <translation>Noms DNS</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>CA certificate</source>
        <translation>Certificat d&apos;AC</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>yes</source>
        <translation>oui</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>no</source>
        <translation>non</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>SHA-256 fingerprint</source>
        <translation>Empreinte SHA-256</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Authority ID</source>
        <translation>ID d&apos;autorité</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1. %2 (issued by %3)</source>
        <translation>%1. %2 (émis par %3)</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>%1. %2 (trust anchor from the bundle)</source>
        <translation>%1. %2 (ancre de confiance du bundle)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Valid: chains to the bundle of %1 (sequence %2) at %3.</source>
        <translation>Valide : se rattache au bundle de %1 (séquence %2), vérifié le %3.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>JWT-SVID</source>
        <translation>JWT-SVID</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Audience</source>
        <translation>Audience</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Issued at</source>
        <translation>Émis le</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Expires</source>
        <translation>Expire le</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Algorithm</source>
        <translation>Algorithme</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Key ID</source>
        <translation>ID de clé</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Token fingerprint</source>
        <translation>Empreinte du jeton</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Header:</source>
        <translation>En-tête :</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Claims:</source>
        <translation>Revendications :</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Valid: signed by key %1 of the bundle of %2 (sequence %3) at %4.</source>
        <translation>Valide : signé par la clé %1 du bundle de %2 (séquence %3), vérifié le %4.</translation>
    </message>
</context>
<context>
    <name>ta::views::CredentialPanel</name>
    <message>
        <location filename="../views/CredentialPanel.cpp" line="+40"/>
        <source>Filter by SPIFFE ID</source>
        <translation>Filtrer par ID SPIFFE</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>F&amp;ilter:</source>
        <translation>F&amp;iltre :</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Re&amp;voke Credential</source>
        <translation>Ré&amp;voquer l&apos;identifiant</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Mark the selected credential revoked in this workspace (undoable)</source>
        <translation>Marquer l&apos;identifiant sélectionné comme révoqué dans cet espace de travail (annulable)</translation>
    </message>
</context>
<context>
    <name>ta::views::ErrorMessages</name>
    <message>
        <location filename="../views/ErrorMessageTable.cpp" line="+340"/>
        <location line="+153"/>
        <source>The passphrase is wrong.</source>
        <translation>La phrase secrète est incorrecte.</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+292"/>
        <source>This workspace is protected: enter its passphrase.</source>
        <translation>Cet espace de travail est protégé : saisissez sa phrase secrète.</translation>
    </message>
    <message>
        <location line="-445"/>
        <location line="+156"/>
        <location line="+292"/>
        <source>The passphrase cannot be empty.</source>
        <translation>La phrase secrète ne peut pas être vide.</translation>
    </message>
    <message>
        <source>The two passphrases typed differ.</source>
        <translation>Les deux phrases secrètes saisies diffèrent.</translation>
    </message>
    <message>
        <location line="-289"/>
        <source>A file of that name exists already.</source>
        <translation>Un fichier de ce nom existe déjà.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The file does not exist.</source>
        <translation>Le fichier n&apos;existe pas.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>This file is not a Trust Atlas workspace.</source>
        <translation>Ce fichier n&apos;est pas un espace de travail Trust Atlas.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>This workspace was written by a newer Trust Atlas.</source>
        <translation>Cet espace de travail a été écrit par une version plus récente de Trust Atlas.</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+280"/>
        <source>The file cannot be read.</source>
        <translation>Le fichier ne peut pas être lu.</translation>
    </message>
    <message>
        <location line="-277"/>
        <source>A trust domain of that name exists already.</source>
        <translation>Un domaine de confiance de ce nom existe déjà.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>There is no such trust domain.</source>
        <translation>Ce domaine de confiance n&apos;existe pas.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>There is no such credential.</source>
        <translation>Cet identifiant n&apos;existe pas.</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+9"/>
        <source>The workspace file could not be written or read.</source>
        <translation>Le fichier de l&apos;espace de travail n&apos;a pas pu être écrit ou lu.</translation>
    </message>
    <message>
        <location line="+268"/>
        <source>This credential is revoked already.</source>
        <translation>Cet identifiant est déjà révoqué.</translation>
    </message>
    <message>
        <location line="-346"/>
        <source>An authority of this kind is prepared already.</source>
        <translation>Une autorité de ce type est déjà préparée.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Prepare an authority of this kind before activating it.</source>
        <translation>Préparez une autorité de ce type avant de l&apos;activer.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Only an old authority can be tainted.</source>
        <translation>Seule une ancienne autorité peut être marquée compromise.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>This authority is tainted already.</source>
        <translation>Cette autorité est déjà marquée compromise.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Taint an authority before revoking it.</source>
        <translation>Marquez une autorité comme compromise avant de la révoquer.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>This authority is revoked already.</source>
        <translation>Cette autorité est déjà révoquée.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>There is no such authority.</source>
        <translation>Cette autorité n&apos;existe pas.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The SPIFFE ID belongs to another trust domain.</source>
        <translation>L&apos;ID SPIFFE appartient à un autre domaine de confiance.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>A workload&apos;s SPIFFE ID needs a path after the trust domain.</source>
        <translation>L&apos;ID SPIFFE d&apos;une charge de travail doit avoir un chemin après le domaine de confiance.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The trust domain has no active authority to sign with.</source>
        <translation>Le domaine de confiance n&apos;a aucune autorité active pour signer.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The active authority has expired.</source>
        <translation>L&apos;autorité active a expiré.</translation>
    </message>
    <message>
        <location line="-165"/>
        <location line="+3"/>
        <source>A JWT-SVID needs at least one audience.</source>
        <translation>Un JWT-SVID doit avoir au moins une audience.</translation>
    </message>
    <message>
        <location line="-311"/>
        <source>Enter a SPIFFE ID.</source>
        <translation>Saisissez un ID SPIFFE.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>A SPIFFE ID starts with spiffe://.</source>
        <translation>Un ID SPIFFE commence par spiffe://.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The scheme must be written spiffe:// in lowercase.</source>
        <translation>Le schéma doit s&apos;écrire spiffe:// en minuscules.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The SPIFFE ID names no trust domain.</source>
        <translation>L&apos;ID SPIFFE ne nomme aucun domaine de confiance.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The path has an empty segment (two slashes in a row).</source>
        <translation>Le chemin contient un segment vide (deux barres obliques à la suite).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The path may not contain &quot;.&quot; or &quot;..&quot; segments.</source>
        <translation>Le chemin ne peut pas contenir de segments « . » ou « .. ».</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The path may not end with a slash.</source>
        <translation>Le chemin ne peut pas se terminer par une barre oblique.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The path may hold only letters, digits, dots, dashes and underscores.</source>
        <translation>Le chemin ne peut contenir que des lettres, des chiffres, des points, des tirets et des traits de soulignement.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>A SPIFFE ID may not have a query part.</source>
        <translation>Un ID SPIFFE ne peut pas avoir de partie requête.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>A SPIFFE ID may not have a fragment.</source>
        <translation>Un ID SPIFFE ne peut pas avoir de fragment.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>A SPIFFE ID may not use percent-encoding.</source>
        <translation>Un ID SPIFFE ne peut pas utiliser l&apos;encodage pourcent.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The SPIFFE ID is longer than 2048 bytes.</source>
        <translation>L&apos;ID SPIFFE dépasse 2048 octets.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Enter a trust domain name.</source>
        <translation>Saisissez un nom de domaine de confiance.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>A trust domain name is written in lowercase.</source>
        <translation>Un nom de domaine de confiance s&apos;écrit en minuscules.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>A trust domain name holds only lowercase letters, digits, dots, dashes and underscores.</source>
        <translation>Un nom de domaine de confiance ne contient que des minuscules, des chiffres, des points, des tirets et des traits de soulignement.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>A trust domain name may not have a port.</source>
        <translation>Un nom de domaine de confiance ne peut pas avoir de port.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>A trust domain name may not have user information.</source>
        <translation>Un nom de domaine de confiance ne peut pas contenir d&apos;informations d&apos;utilisateur.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The trust domain name is longer than 255 characters.</source>
        <translation>Le nom du domaine de confiance dépasse 255 caractères.</translation>
    </message>
    <message>
        <location line="+76"/>
        <source>The certificate has expired.</source>
        <translation>Le certificat a expiré.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The certificate is not valid yet.</source>
        <translation>Le certificat n&apos;est pas encore valide.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The chain does not lead to an authority of the bundle.</source>
        <translation>La chaîne ne mène à aucune autorité du bundle.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>A signature in the chain does not verify.</source>
        <translation>Une signature de la chaîne n&apos;est pas vérifiée.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The SVID belongs to another trust domain than the bundle.</source>
        <translation>Le SVID appartient à un autre domaine de confiance que le bundle.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The bundle holds no X.509 authority.</source>
        <translation>Le bundle ne contient aucune autorité X.509.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>There is no certificate to check.</source>
        <translation>Il n&apos;y a aucun certificat à vérifier.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The certificate carries no SPIFFE ID.</source>
        <translation>Le certificat ne porte aucun ID SPIFFE.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The certificate carries more than one URI.</source>
        <translation>Le certificat porte plus d&apos;une URI.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The leaf certificate is a CA certificate.</source>
        <translation>Le certificat feuille est un certificat d&apos;AC.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The certificate path is not valid.</source>
        <translation>Le chemin de certification n&apos;est pas valide.</translation>
    </message>
    <message>
        <location line="+111"/>
        <source>The token has expired.</source>
        <translation>Le jeton a expiré.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The token is not valid yet.</source>
        <translation>Le jeton n&apos;est pas encore valide.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The token&apos;s signature does not verify.</source>
        <translation>La signature du jeton n&apos;est pas vérifiée.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The token was signed by a key the bundle does not hold.</source>
        <translation>Le jeton a été signé par une clé absente du bundle.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The token is not meant for this audience.</source>
        <translation>Le jeton n&apos;est pas destiné à cette audience.</translation>
    </message>
    <message>
        <location line="-84"/>
        <source>This is not a well-formed JWT.</source>
        <translation>Ce n&apos;est pas un JWT bien formé.</translation>
    </message>
    <message>
        <location line="+87"/>
        <source>The bundle is for another trust domain.</source>
        <translation>Le bundle concerne un autre domaine de confiance.</translation>
    </message>
    <message>
        <location line="-12"/>
        <source>The token says it was issued in the future.</source>
        <translation>Le jeton prétend avoir été émis dans le futur.</translation>
    </message>
    <message>
        <location line="+252"/>
        <source>The anchors file is not valid JSON.</source>
        <translation>Le fichier d&apos;ancres n&apos;est pas un JSON valide.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>This kind of trust anchor or reference value is not known.</source>
        <translation>Ce type d&apos;ancre de confiance ou de valeur de référence est inconnu.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>A required field is missing.</source>
        <translation>Un champ obligatoire manque.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>A field has a value that is not allowed.</source>
        <translation>Un champ a une valeur non autorisée.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The PEM text holds no valid public key or certificate.</source>
        <translation>Le texte PEM ne contient ni clé publique ni certificat valide.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The JWKS is not valid: it needs a &quot;keys&quot; array with at least one usable public key.</source>
        <translation>Le JWKS n&apos;est pas valide : il lui faut un tableau « keys » avec au moins une clé publique utilisable.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>An entry with this ID exists already.</source>
        <translation>Une entrée avec cet ID existe déjà.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The file holds no trust anchors or reference values.</source>
        <translation>Le fichier ne contient ni ancres de confiance ni valeurs de référence.</translation>
    </message>
    <message>
        <location line="+222"/>
        <location line="+3"/>
        <source>The file could not be written.</source>
        <translation>Le fichier n&apos;a pas pu être écrit.</translation>
    </message>
    <message>
        <location line="-271"/>
        <source>There is no such trust anchor.</source>
        <translation>Cette ancre de confiance n&apos;existe pas.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>There is no such reference value.</source>
        <translation>Cette valeur de référence n&apos;existe pas.</translation>
    </message>
    <message>
        <location filename="../views/ErrorMessages.cpp" line="+15"/>
        <source>This is not a valid SPIFFE ID.</source>
        <translation>Ce n&apos;est pas un ID SPIFFE valide.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>This is not a valid trust domain name.</source>
        <translation>Ce n&apos;est pas un nom de domaine de confiance valide.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The trust bundle is not valid.</source>
        <translation>Le bundle de confiance n&apos;est pas valide.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The certificate is not a valid X509-SVID.</source>
        <translation>Le certificat n&apos;est pas un X509-SVID valide.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The token is not a valid JWT-SVID.</source>
        <translation>Le jeton n&apos;est pas un JWT-SVID valide.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The certificate authority refused the change.</source>
        <translation>L&apos;autorité de certification a refusé la modification.</translation>
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
        <translation>Une opération cryptographique a échoué.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The trust anchors or reference values are not valid.</source>
        <translation>Les ancres de confiance ou les valeurs de référence ne sont pas valides.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The workspace could not complete the change.</source>
        <translation>L&apos;espace de travail n&apos;a pas pu terminer la modification.</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>Unexpected error (%1).</source>
        <translation>Erreur inattendue (%1).</translation>
    </message>
    <message>
        <location filename="../views/ErrorMessageTable.cpp" line="-624"/>
        <source>The path of a SPIFFE ID must start with a slash.</source>
        <translation>Le chemin d&apos;un SPIFFE ID doit commencer par une barre oblique.</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>This is not a trust domain name.</source>
        <translation>Ceci n&apos;est pas un nom de domaine de confiance.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>A trust domain name may not use percent-encoding.</source>
        <translation>Un nom de domaine de confiance ne peut pas utiliser l&apos;encodage par pourcentage.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>The trust bundle is not valid JSON.</source>
        <translation>Le paquet de confiance n&apos;est pas du JSON valide.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The trust bundle is not a JSON object.</source>
        <translation>Le paquet de confiance n&apos;est pas un objet JSON.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The trust bundle has no &quot;keys&quot; member.</source>
        <translation>Le paquet de confiance n&apos;a pas de membre « keys ».</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The &quot;keys&quot; member of the trust bundle is not an array.</source>
        <translation>Le membre « keys » du paquet de confiance n&apos;est pas un tableau.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>A key of the trust bundle is not a JSON object.</source>
        <translation>Une clé du paquet de confiance n&apos;est pas un objet JSON.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>A key of the trust bundle has no key type (kty).</source>
        <translation>Une clé du paquet de confiance n&apos;a pas de type de clé (kty).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>A key of the trust bundle does not say its use.</source>
        <translation>Une clé du paquet de confiance n&apos;indique pas son usage.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>A key of the trust bundle has a use other than x509-svid or jwt-svid.</source>
        <translation>Une clé du paquet de confiance a un usage autre que x509-svid ou jwt-svid.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>A JWT authority of the trust bundle has no key ID.</source>
        <translation>Une autorité JWT du paquet de confiance n&apos;a pas d&apos;identifiant de clé.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Two JWT authorities of the trust bundle share one key ID.</source>
        <translation>Deux autorités JWT du paquet de confiance partagent un identifiant de clé.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>A key of the trust bundle is not a valid public key.</source>
        <translation>Une clé du paquet de confiance n&apos;est pas une clé publique valide.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>A key of the trust bundle is of a type that is not supported.</source>
        <translation>Une clé du paquet de confiance est d&apos;un type non pris en charge.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>An X.509 authority of the trust bundle has no certificate (x5c).</source>
        <translation>Une autorité X.509 du paquet de confiance n&apos;a pas de certificat (x5c).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>An X.509 authority of the trust bundle must hold exactly one certificate.</source>
        <translation>Une autorité X.509 du paquet de confiance doit contenir exactement un certificat.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The certificate of an X.509 authority is not valid base64.</source>
        <translation>Le certificat d&apos;une autorité X.509 n&apos;est pas du base64 valide.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The certificate of an X.509 authority cannot be read.</source>
        <translation>Le certificat d&apos;une autorité X.509 ne peut pas être lu.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The certificate of an X.509 authority does not hold the key beside it.</source>
        <translation>Le certificat d&apos;une autorité X.509 ne contient pas la clé qui l&apos;accompagne.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The trust bundle holds no key.</source>
        <translation>Le paquet de confiance ne contient aucune clé.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The trust bundle holds no certificate.</source>
        <translation>Le paquet de confiance ne contient aucun certificat.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The PEM bundle holds no certificate.</source>
        <translation>Le paquet PEM ne contient aucun certificat.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The trust bundle names no trust domain.</source>
        <translation>Le paquet de confiance ne nomme aucun domaine de confiance.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The refresh hint of the trust bundle is not a positive number.</source>
        <translation>L&apos;indication de rafraîchissement du paquet de confiance n&apos;est pas un nombre positif.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The sequence number of the trust bundle is not a non-negative integer.</source>
        <translation>Le numéro de séquence du paquet de confiance n&apos;est pas un entier positif ou nul.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The trust bundle is older than the one held: its sequence number goes backwards.</source>
        <translation>Le paquet de confiance est plus ancien que celui détenu : son numéro de séquence recule.</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>The certificate&apos;s URI is not a valid SPIFFE ID.</source>
        <translation>L&apos;URI du certificat n&apos;est pas un SPIFFE ID valide.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The SPIFFE ID of a workload certificate has no path.</source>
        <translation>Le SPIFFE ID d&apos;un certificat de charge de travail n&apos;a pas de chemin.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The certificate allows neither server nor client authentication.</source>
        <translation>Le certificat ne permet ni l&apos;authentification serveur ni l&apos;authentification client.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The certificate has no key usage extension.</source>
        <translation>Le certificat n&apos;a pas d&apos;extension d&apos;utilisation de clé.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The key usage extension of the certificate is not marked critical.</source>
        <translation>L&apos;extension d&apos;utilisation de clé du certificat n&apos;est pas marquée critique.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The leaf certificate may sign revocation lists.</source>
        <translation>Le certificat feuille peut signer des listes de révocation.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The leaf certificate may sign certificates.</source>
        <translation>Le certificat feuille peut signer des certificats.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The leaf certificate does not allow digital signatures.</source>
        <translation>Le certificat feuille ne permet pas les signatures numériques.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The chain is longer than a CA certificate allows.</source>
        <translation>La chaîne est plus longue que ne le permet un certificat d&apos;AC.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>A signing certificate carries an invalid SPIFFE ID.</source>
        <translation>Un certificat signataire porte un SPIFFE ID non valide.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>A signing certificate allows digital signatures, which it may not.</source>
        <translation>Un certificat signataire permet les signatures numériques, ce qui lui est interdit.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>A signing certificate may not sign certificates.</source>
        <translation>Un certificat signataire ne peut pas signer de certificats.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>A certificate that signs another is not a CA certificate.</source>
        <translation>Un certificat qui en signe un autre n&apos;est pas un certificat d&apos;AC.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>A part of the token is not valid base64url.</source>
        <translation>Une partie du jeton n&apos;est pas du base64url valide.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The token&apos;s header is not a JSON object.</source>
        <translation>L&apos;en-tête du jeton n&apos;est pas un objet JSON.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The token&apos;s claims are not a JSON object.</source>
        <translation>Les revendications du jeton ne sont pas un objet JSON.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The token&apos;s header holds a member that is not allowed.</source>
        <translation>L&apos;en-tête du jeton contient un membre non autorisé.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The token names critical header members that are not supported.</source>
        <translation>Le jeton nomme des membres d&apos;en-tête critiques non pris en charge.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The token&apos;s type is not JWT or JOSE.</source>
        <translation>Le type du jeton n&apos;est ni JWT ni JOSE.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The token names no signature algorithm.</source>
        <translation>Le jeton ne nomme aucun algorithme de signature.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The token is unsigned (algorithm none).</source>
        <translation>Le jeton n&apos;est pas signé (algorithme none).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The token uses an HMAC algorithm, which a JWT-SVID may not.</source>
        <translation>Le jeton utilise un algorithme HMAC, ce qu&apos;un JWT-SVID ne peut pas.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The token uses EdDSA, which a JWT-SVID may not.</source>
        <translation>Le jeton utilise EdDSA, ce qu&apos;un JWT-SVID ne peut pas.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The token&apos;s signature algorithm is not allowed.</source>
        <translation>L&apos;algorithme de signature du jeton n&apos;est pas autorisé.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The token names no key ID.</source>
        <translation>Le jeton ne nomme aucun identifiant de clé.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The token&apos;s key ID is not a string.</source>
        <translation>L&apos;identifiant de clé du jeton n&apos;est pas une chaîne.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The token&apos;s algorithm does not fit the key that signed it.</source>
        <translation>L&apos;algorithme du jeton ne correspond pas à la clé qui l&apos;a signé.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The token has no subject.</source>
        <translation>Le jeton n&apos;a pas de sujet.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The token&apos;s subject is not a valid SPIFFE ID.</source>
        <translation>Le sujet du jeton n&apos;est pas un SPIFFE ID valide.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The token has no audience.</source>
        <translation>Le jeton n&apos;a pas d&apos;audience.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The token&apos;s audience is not a string or a list of strings.</source>
        <translation>L&apos;audience du jeton n&apos;est ni une chaîne ni une liste de chaînes.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The token has no expiry.</source>
        <translation>Le jeton n&apos;a pas d&apos;expiration.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The token&apos;s expiry is not a valid time.</source>
        <translation>L&apos;expiration du jeton n&apos;est pas une heure valide.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The token&apos;s issue time is not a valid time.</source>
        <translation>L&apos;heure d&apos;émission du jeton n&apos;est pas une heure valide.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The token&apos;s not-before time is not a valid time.</source>
        <translation>Le début de validité du jeton n&apos;est pas une heure valide.</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Give the audience the token must be meant for.</source>
        <translation>Indiquez l&apos;audience à laquelle le jeton doit être destiné.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The bundle holds no JWT authority.</source>
        <translation>Le paquet ne contient aucune autorité JWT.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>No time was given to check the token against.</source>
        <translation>Aucune heure n&apos;a été donnée pour vérifier le jeton.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>A JWT-SVID needs a subject.</source>
        <translation>Un JWT-SVID a besoin d&apos;un sujet.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The signing key has no key ID.</source>
        <translation>La clé de signature n&apos;a pas d&apos;identifiant de clé.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The lifetime of the token must be positive.</source>
        <translation>La durée de vie du jeton doit être positive.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The signing key cannot sign a JWT-SVID.</source>
        <translation>La clé de signature ne peut pas signer de JWT-SVID.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The key is encrypted and no passphrase was given.</source>
        <translation>La clé est chiffrée et aucune phrase secrète n&apos;a été donnée.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The key cannot be read.</source>
        <translation>La clé ne peut pas être lue.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>This is a public key; a private key is needed.</source>
        <translation>Ceci est une clé publique ; une clé privée est nécessaire.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>The certificate cannot be read.</source>
        <translation>Le certificat ne peut pas être lu.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The certificate is followed by data that does not belong to it.</source>
        <translation>Le certificat est suivi de données qui ne lui appartiennent pas.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The input holds no certificate.</source>
        <translation>L&apos;entrée ne contient aucun certificat.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The validity period is not valid: it must end after it starts.</source>
        <translation>La période de validité n&apos;est pas valide : elle doit finir après son début.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The certificate request cannot be read.</source>
        <translation>La demande de certificat ne peut pas être lue.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The certificate request&apos;s signature does not verify.</source>
        <translation>La signature de la demande de certificat ne se vérifie pas.</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+108"/>
        <source>The certificate request holds no public key.</source>
        <translation>La demande de certificat ne contient aucune clé publique.</translation>
    </message>
    <message>
        <location line="-102"/>
        <source>This is not a compact JWS (three parts joined by dots).</source>
        <translation>Ceci n&apos;est pas un JWS compact (trois parties jointes par des points).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>A part of the signed token is not valid base64url.</source>
        <translation>Une partie du jeton signé n&apos;est pas du base64url valide.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The signature does not verify.</source>
        <translation>La signature ne se vérifie pas.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The signature has the wrong length for its algorithm.</source>
        <translation>La signature n&apos;a pas la bonne longueur pour son algorithme.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The ECDSA signature is not well formed.</source>
        <translation>La signature ECDSA est mal formée.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The key&apos;s curve does not fit the algorithm.</source>
        <translation>La courbe de la clé ne correspond pas à l&apos;algorithme.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The key&apos;s type does not fit the algorithm.</source>
        <translation>Le type de la clé ne correspond pas à l&apos;algorithme.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The RSA key is too small.</source>
        <translation>La clé RSA est trop petite.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>There is no key to sign or verify with.</source>
        <translation>Il n&apos;y a pas de clé pour signer ou vérifier.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Signing needs a private key.</source>
        <translation>La signature nécessite une clé privée.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>A required member of the JSON Web Key is missing.</source>
        <translation>Un membre requis de la clé web JSON est absent.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>A member of the JSON Web Key has a value that is not allowed.</source>
        <translation>Un membre de la clé web JSON a une valeur non autorisée.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>A member of the JSON Web Key is not valid base64url.</source>
        <translation>Un membre de la clé web JSON n&apos;est pas du base64url valide.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The JSON Web Key is of a type that is not supported.</source>
        <translation>La clé web JSON est d&apos;un type non pris en charge.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The JSON Web Key uses a curve that is not supported.</source>
        <translation>La clé web JSON utilise une courbe non prise en charge.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>A coordinate of the JSON Web Key has the wrong length.</source>
        <translation>Une coordonnée de la clé web JSON n&apos;a pas la bonne longueur.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The JSON Web Key&apos;s point is not on its curve.</source>
        <translation>Le point de la clé web JSON n&apos;est pas sur sa courbe.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The RSA parameters of the JSON Web Key are not valid.</source>
        <translation>Les paramètres RSA de la clé web JSON ne sont pas valides.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The JSON Web Key holds private key material, which is not allowed here.</source>
        <translation>La clé web JSON contient des éléments de clé privée, ce qui n&apos;est pas autorisé ici.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>There is no key to export.</source>
        <translation>Il n&apos;y a aucune clé à exporter.</translation>
    </message>
    <message>
        <location line="+87"/>
        <source>There is no such version of the policy set.</source>
        <translation>Cette version de l&apos;ensemble de règles n&apos;existe pas.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The workspace stores a key in a form this version does not know.</source>
        <translation>L&apos;espace de travail stocke une clé sous une forme que cette version ne connaît pas.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The refresh hint must be a positive number of seconds.</source>
        <translation>L&apos;indication de rafraîchissement doit être un nombre positif de secondes.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The demo workspace could not be set up.</source>
        <translation>L&apos;espace de travail de démonstration n&apos;a pas pu être préparé.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>An entry holds a field that its kind does not know.</source>
        <translation>Une entrée contient un champ que son type ne connaît pas.</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>The evidence file cannot be read.</source>
        <translation>Le fichier de preuves ne peut pas être lu.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>A line of the evidence file is not a JSON object.</source>
        <translation>Une ligne du fichier de preuves n&apos;est pas un objet JSON.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>An evidence record lacks a required field.</source>
        <translation>Un enregistrement de preuve n&apos;a pas un champ requis.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>A field of an evidence record has a value that is not allowed.</source>
        <translation>Un champ d&apos;un enregistrement de preuve a une valeur non autorisée.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The time of an evidence record is not an RFC 3339 time.</source>
        <translation>L&apos;heure d&apos;un enregistrement de preuve n&apos;est pas une heure RFC 3339.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The evidence records are not in time order.</source>
        <translation>Les enregistrements de preuve ne sont pas dans l&apos;ordre chronologique.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The workspace has no trust domain to name agents in.</source>
        <translation>L&apos;espace de travail n&apos;a aucun domaine de confiance pour nommer les agents.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>A certificate in the evidence is not valid base64.</source>
        <translation>Un certificat de la preuve n&apos;est pas du base64 valide.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The TPM quote is not well formed.</source>
        <translation>La citation TPM est mal formée.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The TPM quote is truncated.</source>
        <translation>La citation TPM est tronquée.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The TPM quote is followed by bytes that do not belong to it.</source>
        <translation>La citation TPM est suivie d&apos;octets qui ne lui appartiennent pas.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The TPM structure does not come from a TPM.</source>
        <translation>La structure TPM ne provient pas d&apos;un TPM.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The TPM structure is not a quote.</source>
        <translation>La structure TPM n&apos;est pas une citation.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The TPM evidence payload is not valid.</source>
        <translation>La charge utile de la preuve TPM n&apos;est pas valide.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The TPM quote uses a hash algorithm that is not supported.</source>
        <translation>La citation TPM utilise un algorithme de hachage non pris en charge.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The TPM quote uses a signature algorithm that is not supported.</source>
        <translation>La citation TPM utilise un algorithme de signature non pris en charge.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The TPM quote&apos;s signature does not verify.</source>
        <translation>La signature de la citation TPM ne se vérifie pas.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>No attestation key is known for this TPM.</source>
        <translation>Aucune clé d&apos;attestation n&apos;est connue pour ce TPM.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The TPM quote was signed by another attestation key.</source>
        <translation>La citation TPM a été signée par une autre clé d&apos;attestation.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The attestation key&apos;s type does not fit the quote&apos;s signature.</source>
        <translation>Le type de la clé d&apos;attestation ne correspond pas à la signature de la citation.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The TPM quote does not carry the expected nonce.</source>
        <translation>La citation TPM ne porte pas le nonce attendu.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The TPM quote covers other PCRs than the evidence lists.</source>
        <translation>La citation TPM couvre d&apos;autres PCR que ceux listés par la preuve.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The PCR values do not match the quote&apos;s digest.</source>
        <translation>Les valeurs des PCR ne correspondent pas à l&apos;empreinte de la citation.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>A PCR value is not valid.</source>
        <translation>Une valeur de PCR n&apos;est pas valide.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>There are no reference PCR values to compare with.</source>
        <translation>Il n&apos;y a aucune valeur de PCR de référence à comparer.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>A PCR with a reference value is not in the quote.</source>
        <translation>Un PCR ayant une valeur de référence n&apos;est pas dans la citation.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>A PCR differs from its reference value.</source>
        <translation>Un PCR diffère de sa valeur de référence.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The TPM quote could not be built from the values given.</source>
        <translation>La citation TPM n&apos;a pas pu être construite à partir des valeurs données.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The lab settings are not valid.</source>
        <translation>Les paramètres du laboratoire ne sont pas valides.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The lab could not be set up.</source>
        <translation>Le laboratoire n&apos;a pas pu être préparé.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The lab could not create a platform&apos;s keys.</source>
        <translation>Le laboratoire n&apos;a pas pu créer les clés d&apos;une plateforme.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The lab could not sign a document.</source>
        <translation>Le laboratoire n&apos;a pas pu signer un document.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The lab could not sign an image.</source>
        <translation>Le laboratoire n&apos;a pas pu signer une image.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The lab could not read a file.</source>
        <translation>Le laboratoire n&apos;a pas pu lire un fichier.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The lab could not write a file.</source>
        <translation>Le laboratoire n&apos;a pas pu écrire un fichier.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The policy file is not valid JSON.</source>
        <translation>Le fichier de règles n&apos;est pas du JSON valide.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>A policy has a missing or wrong field.</source>
        <translation>Une règle a un champ absent ou erroné.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Two policies have the same name.</source>
        <translation>Deux règles portent le même nom.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>A policy&apos;s condition is not a valid CEL expression.</source>
        <translation>La condition d&apos;une règle n&apos;est pas une expression CEL valide.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>A policy&apos;s SPIFFE ID template is not valid.</source>
        <translation>Le modèle de SPIFFE ID d&apos;une règle n&apos;est pas valide.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The subject is not a valid JSON object.</source>
        <translation>Le sujet n&apos;est pas un objet JSON valide.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The registration entries are not valid JSON.</source>
        <translation>Les entrées d&apos;enregistrement ne sont pas du JSON valide.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>A registration entry lacks a required field.</source>
        <translation>Une entrée d&apos;enregistrement n&apos;a pas un champ requis.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>A registration entry holds an invalid SPIFFE ID.</source>
        <translation>Une entrée d&apos;enregistrement contient un SPIFFE ID non valide.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>A registration entry holds an invalid selector.</source>
        <translation>Une entrée d&apos;enregistrement contient un sélecteur non valide.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>A registration entry has no selectors.</source>
        <translation>Une entrée d&apos;enregistrement n&apos;a aucun sélecteur.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>A number in a registration entry is not valid.</source>
        <translation>Un nombre d&apos;une entrée d&apos;enregistrement n&apos;est pas valide.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>A registration entry federates with an invalid trust domain.</source>
        <translation>Une entrée d&apos;enregistrement est fédérée avec un domaine de confiance non valide.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Two registration entries have the same ID.</source>
        <translation>Deux entrées d&apos;enregistrement ont le même identifiant.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>A selector must be written type:value.</source>
        <translation>Un sélecteur doit s&apos;écrire type:valeur.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The CEL expression has a syntax error.</source>
        <translation>L&apos;expression CEL contient une erreur de syntaxe.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The CEL expression does not type-check.</source>
        <translation>L&apos;expression CEL ne passe pas la vérification de types.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The CEL expression failed to evaluate.</source>
        <translation>L&apos;évaluation de l&apos;expression CEL a échoué.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The CEL bindings are not valid JSON values.</source>
        <translation>Les liaisons CEL ne sont pas des valeurs JSON valides.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>This command is not known.</source>
        <translation>Cette commande n&apos;est pas connue.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>An option is not known.</source>
        <translation>Une option n&apos;est pas connue.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The command line is not valid.</source>
        <translation>La ligne de commande n&apos;est pas valide.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>An argument is missing.</source>
        <translation>Un argument est manquant.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>There is an argument too many.</source>
        <translation>Il y a un argument de trop.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>A required option is missing.</source>
        <translation>Une option requise est manquante.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Two options exclude each other.</source>
        <translation>Deux options s&apos;excluent mutuellement.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>An option has a value that is not allowed.</source>
        <translation>Une option a une valeur non autorisée.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>This key type is not known.</source>
        <translation>Ce type de clé n&apos;est pas connu.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>This is not a duration such as 90s, 5m, 1h or 7d.</source>
        <translation>Ceci n&apos;est pas une durée telle que 90s, 5m, 1h ou 7d.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>This is not a valid number.</source>
        <translation>Ceci n&apos;est pas un nombre valide.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>This is not an RFC 3339 time.</source>
        <translation>Ceci n&apos;est pas une heure RFC 3339.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>A version is a positive number.</source>
        <translation>Une version est un nombre positif.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The bindings must be a JSON object.</source>
        <translation>Les liaisons doivent être un objet JSON.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The workspace has no trust domain.</source>
        <translation>L&apos;espace de travail n&apos;a aucun domaine de confiance.</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>The expression is longer than the limit.</source>
        <translation>L&apos;expression dépasse la longueur permise.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The expression is nested deeper than the limit.</source>
        <translation>L&apos;expression est imbriquée plus profondément que permis.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The expression has more terms than the limit.</source>
        <translation>L&apos;expression compte plus de termes que permis.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The expression&apos;s estimated cost is over the limit.</source>
        <translation>Le coût estimé de l&apos;expression dépasse la limite.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The evaluation ran out of its step or memory budget.</source>
        <translation>L&apos;évaluation a épuisé son budget de pas ou de mémoire.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>This output format is not known.</source>
        <translation>Ce format de sortie est inconnu.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>This layout engine is not known.</source>
        <translation>Ce moteur de disposition est inconnu.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The input is larger than the limit.</source>
        <translation>L&apos;entrée dépasse la taille permise.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The file is not valid JSON.</source>
        <translation>Le fichier n&apos;est pas du JSON valide.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>A JSON object names the same key twice.</source>
        <translation>Un objet JSON nomme deux fois la même clé.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The PEM data is encrypted; untrusted input is never decrypted.</source>
        <translation>Les données PEM sont chiffrées ; une entrée non fiable n&apos;est jamais déchiffrée.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The certificate request is encrypted.</source>
        <translation>La demande de certificat est chiffrée.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The JOSE header&apos;s crit field is malformed.</source>
        <translation>Le champ crit de l&apos;en-tête JOSE est mal formé.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The JOSE header names an extension that is not understood.</source>
        <translation>L&apos;en-tête JOSE nomme une extension non prise en charge.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The evidence recording holds no records.</source>
        <translation>L&apos;enregistrement de preuves ne contient aucun enregistrement.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>An evidence line is longer than the limit.</source>
        <translation>Une ligne de preuve dépasse la longueur permise.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>A record names an attestor that does not exist.</source>
        <translation>Un enregistrement nomme un attesteur inexistant.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The subjects file holds no subjects.</source>
        <translation>Le fichier de sujets ne contient aucun sujet.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>A value stored in the workspace does not parse.</source>
        <translation>Une valeur stockée dans l&apos;espace de travail est illisible.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The workspace file is cut short.</source>
        <translation>Le fichier de l&apos;espace de travail est tronqué.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The workspace&apos;s schema was altered outside Trust Atlas.</source>
        <translation>Le schéma de l&apos;espace de travail a été modifié hors de Trust Atlas.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>There is no evidence to replay.</source>
        <translation>Il n&apos;y a aucune preuve à rejouer.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Replaying evidence needs a trust domain for agent IDs.</source>
        <translation>Rejouer des preuves exige un domaine de confiance pour les identifiants d&apos;agent.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>There is nothing to compare against.</source>
        <translation>Il n&apos;y a rien à comparer.</translation>
    </message>
    <message>
        <source>The operation was cancelled; nothing was saved.</source>
        <translation>L&apos;opération a été annulée ; rien n&apos;a été enregistré.</translation>
    </message>
    <message>
        <source>The evidence changed while it was verified; nothing was saved.</source>
        <translation>Les preuves ont changé pendant leur vérification ; rien n&apos;a été enregistré.</translation>
    </message>
    <message>
        <source>The run was cancelled; nothing was saved.</source>
        <translation>L&apos;exécution a été annulée ; rien n&apos;a été enregistré.</translation>
    </message>
    <message>
        <source>This graph format is not known.</source>
        <translation>Ce format de graphe est inconnu.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The graph has no such node.</source>
        <translation>Le graphe n&apos;a pas ce nœud.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The graph has no such trust domain.</source>
        <translation>Le graphe n&apos;a pas ce domaine de confiance.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Graphviz could not read the graph.</source>
        <translation>Graphviz n&apos;a pas pu lire le graphe.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Graphviz cannot render this format.</source>
        <translation>Graphviz ne peut pas produire ce format.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The layout was cancelled.</source>
        <translation>La disposition a été annulée.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Graphviz could not lay out the graph.</source>
        <translation>Graphviz n&apos;a pas pu disposer le graphe.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Graphviz could not render the graph.</source>
        <translation>Graphviz n&apos;a pas pu produire le graphe.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Building the estate was cancelled.</source>
        <translation>La construction du parc a été annulée.</translation>
    </message>
    <message>
        <source>The bundle endpoint profile must be https_web or https_spiffe.</source>
        <translation>Le profil du point de terminaison de bundle doit être https_web ou https_spiffe.</translation>
    </message>
    <message>
        <source>The bundle endpoint URL must be an https URL with a host.</source>
        <translation>L&apos;URL du point de terminaison de bundle doit être une URL https avec un hôte.</translation>
    </message>
    <message>
        <source>The https_spiffe profile needs the endpoint&apos;s SPIFFE ID.</source>
        <translation>Le profil https_spiffe exige l&apos;ID SPIFFE du point de terminaison.</translation>
    </message>
    <message>
        <source>A trust domain cannot federate with itself.</source>
        <translation>Un domaine de confiance ne peut pas se fédérer avec lui-même.</translation>
    </message>
    <message>
        <source>This trust domain federates with that peer already.</source>
        <translation>Ce domaine de confiance est déjà fédéré avec ce pair.</translation>
    </message>
    <message>
        <source>There is no federation relationship with that peer.</source>
        <translation>Il n&apos;existe aucune relation de fédération avec ce pair.</translation>
    </message>
    <message>
        <source>Say which of the workspace&apos;s trust domains the relationship belongs to.</source>
        <translation>Indiquez à quel domaine de confiance de l&apos;espace de travail la relation appartient.</translation>
    </message>
    <message>
        <source>The federation configuration is not in a form SPIRE writes.</source>
        <translation>La configuration de fédération n&apos;est pas dans une forme qu&apos;écrit SPIRE.</translation>
    </message>
    <message>
        <source>The bundle endpoint could not be reached.</source>
        <translation>Le point de terminaison de bundle est injoignable.</translation>
    </message>
    <message>
        <source>The bundle endpoint did not answer in time.</source>
        <translation>Le point de terminaison de bundle n&apos;a pas répondu à temps.</translation>
    </message>
    <message>
        <source>The TLS handshake with the bundle endpoint failed.</source>
        <translation>La négociation TLS avec le point de terminaison de bundle a échoué.</translation>
    </message>
    <message>
        <source>The endpoint&apos;s certificate is not for the host in the URL.</source>
        <translation>Le certificat du point de terminaison n&apos;est pas celui de l&apos;hôte de l&apos;URL.</translation>
    </message>
    <message>
        <source>The endpoint&apos;s certificate has expired or is not valid yet.</source>
        <translation>Le certificat du point de terminaison a expiré ou n&apos;est pas encore valide.</translation>
    </message>
    <message>
        <source>The endpoint&apos;s certificate does not chain to a trusted authority.</source>
        <translation>Le certificat du point de terminaison ne remonte à aucune autorité de confiance.</translation>
    </message>
    <message>
        <source>The endpoint presented another SPIFFE ID than the one configured.</source>
        <translation>Le point de terminaison a présenté un autre ID SPIFFE que celui configuré.</translation>
    </message>
    <message>
        <source>There is no bundle to authenticate the endpoint with: give a bootstrap bundle.</source>
        <translation>Aucun bundle ne permet d&apos;authentifier le point de terminaison : fournissez un bundle d&apos;amorçage.</translation>
    </message>
    <message>
        <source>The bundle endpoint answered with an error status.</source>
        <translation>Le point de terminaison de bundle a répondu avec un statut d&apos;erreur.</translation>
    </message>
    <message>
        <source>The bundle endpoint&apos;s answer is not a valid SPIFFE bundle.</source>
        <translation>La réponse du point de terminaison de bundle n&apos;est pas un bundle SPIFFE valide.</translation>
    </message>
    <message>
        <source>The bundle endpoint&apos;s answer is larger than allowed.</source>
        <translation>La réponse du point de terminaison de bundle dépasse la taille permise.</translation>
    </message>
    <message>
        <source>The fetched bundle is for another trust domain.</source>
        <translation>Le bundle récupéré appartient à un autre domaine de confiance.</translation>
    </message>
    <message>
        <source>The fetched bundle is older than the one held, which is kept.</source>
        <translation>Le bundle récupéré est plus ancien que celui détenu, qui est conservé.</translation>
    </message>
    <message>
        <source>The fetched bundle changed without a new sequence number; the one held is kept.</source>
        <translation>Le bundle récupéré a changé sans nouveau numéro de séquence ; celui détenu est conservé.</translation>
    </message>
    <message>
        <source>The bundle endpoint could not listen on that address.</source>
        <translation>Le point de terminaison de bundle n&apos;a pas pu écouter à cette adresse.</translation>
    </message>
    <message>
        <source>The bundle endpoint&apos;s certificate or key cannot be used.</source>
        <translation>Le certificat ou la clé du point de terminaison de bundle est inutilisable.</translation>
    </message>
    <message>
        <source>Every lifetime must be at least a second, and no SVID may outlive its authority.</source>
        <translation>Chaque durée de vie doit être d’au moins une seconde, et aucun SVID ne peut survivre à son autorité.</translation>
    </message>
    <message>
        <source>The report could not be rendered as PDF.</source>
        <translation>Le rapport n'a pas pu être rendu en PDF.</translation>
    </message>
</context>
<context>
    <name>ta::views::IssueSvidDialog</name>
    <message>
        <location filename="../views/IssueSvidDialog.cpp" line="+26"/>
        <source>Issue SVID</source>
        <translation>Émettre un SVID</translation>
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
        <translation>T&amp;ype :</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;Trust domain:</source>
        <translation>&amp;Domaine de confiance :</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;SPIFFE ID:</source>
        <translation>ID &amp;SPIFFE :</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>optional, separated by commas</source>
        <translation>facultatif, séparés par des virgules</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;DNS names:</source>
        <translation>Noms &amp;DNS :</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>required, separated by commas</source>
        <translation>obligatoire, séparées par des virgules</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Audience:</source>
        <translation>&amp;Audience :</translation>
    </message>
    <message>
        <location line="+5"/>
        <source> min</source>
        <translation> min</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Trust domain default</source>
        <translation>Valeur par défaut du domaine</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Lifetime:</source>
        <translation>Durée de &amp;vie :</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>&amp;Issue</source>
        <translation>&amp;Émettre</translation>
    </message>
    <message>
        <location line="+56"/>
        <source>Create a trust domain first.</source>
        <translation>Créez d&apos;abord un domaine de confiance.</translation>
    </message>
    <message>
        <source>&amp;Export Private Key…</source>
        <translation>&amp;Exporter la clé privée…</translation>
    </message>
    <message>
        <source>Export Private Key</source>
        <translation>Exporter la clé privée</translation>
    </message>
    <message>
        <source>PEM private keys (*.pem *.key)</source>
        <translation>Clés privées PEM (*.pem *.key)</translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation>&amp;Fermer</translation>
    </message>
    <message>
        <source>Issued. Its private key is kept nowhere, not even in the workspace: export it now, or it is gone when this dialog closes. Anyone who holds the file can act as %1.</source>
        <translation>Émis. Sa clé privée n’est conservée nulle part, pas même dans l’espace de travail : exportez-la maintenant, sinon elle disparaît à la fermeture de ce dialogue. Quiconque détient le fichier peut agir en tant que %1.</translation>
    </message>
    <message>
        <source>%1 could not be written (%2); the key is still here to export.</source>
        <translation>%1 n’a pas pu être écrit (%2) ; la clé est toujours là pour l’export.</translation>
    </message>
    <message>
        <source>Private key written to %1 (readable by you only).</source>
        <translation>Clé privée écrite dans %1 (lisible par vous seul).</translation>
    </message>
    <message>
        <source>Generating the key…</source>
        <translation>Génération de la clé…</translation>
    </message>
    <message>
        <source>Generating a key for %1</source>
        <translation>Génération d’une clé pour %1</translation>
    </message>
</context>
<context>
    <name>ta::views::NewTrustDomainDialog</name>
    <message>
        <location filename="../views/NewTrustDomainDialog.cpp" line="+21"/>
        <source>New Trust Domain</source>
        <translation>Nouveau domaine de confiance</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>example.org</source>
        <translation>example.org</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Name:</source>
        <translation>&amp;Nom :</translation>
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
        <translation>Type de &amp;clé :</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sign with &amp;intermediates under one long-lived root</source>
        <translation>Signer avec des &amp;intermédiaires sous une racine de longue durée</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&amp;Create</source>
        <translation>&amp;Créer</translation>
    </message>
    <message>
        <source>Generating keys…</source>
        <translation>Génération des clés…</translation>
    </message>
    <message>
        <source>Generating keys for %1</source>
        <translation>Génération des clés de %1</translation>
    </message>
</context>
<context>
    <name>ta::views::PassphraseDialog</name>
    <message>
        <location filename="../views/PassphraseDialog.cpp" line="+20"/>
        <source>Open Protected Workspace</source>
        <translation>Ouvrir un espace de travail protégé</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>New Workspace</source>
        <translation>Nouvel espace de travail</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The keys in &lt;b&gt;%1&lt;/b&gt; are encrypted. Enter the workspace passphrase to open it.</source>
        <translation>Les clés de &lt;b&gt;%1&lt;/b&gt; sont chiffrées. Saisissez la phrase secrète de l&apos;espace de travail pour l&apos;ouvrir.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Choose a passphrase to encrypt the private keys of &lt;b&gt;%1&lt;/b&gt;.</source>
        <translation>Choisissez une phrase secrète pour chiffrer les clés privées de &lt;b&gt;%1&lt;/b&gt;.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>&amp;Passphrase:</source>
        <translation>&amp;Phrase secrète :</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Repeat:</source>
        <translation>&amp;Répéter :</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Store keys in &amp;clear (for demos and throwaway tests)</source>
        <translation>Stocker les clés en &amp;clair (pour les démonstrations et les tests jetables)</translation>
    </message>
    <message>
        <location line="+69"/>
        <source>The two passphrases differ.</source>
        <translation>Les deux phrases secrètes diffèrent.</translation>
    </message>
    <message>
        <source>Unlocking the keys…</source>
        <translation>Déverrouillage des clés…</translation>
    </message>
    <message>
        <source>Sealing the keys…</source>
        <translation>Scellement des clés…</translation>
    </message>
    <message>
        <source>Unlocking %1</source>
        <translation>Déverrouillage de %1</translation>
    </message>
    <message>
        <source>Creating %1</source>
        <translation>Création de %1</translation>
    </message>
</context>
<context>
    <name>ta::views::PolicyStudio</name>
    <message>
        <location filename="../views/PolicyStudio.cpp" line="+84"/>
        <location line="+382"/>
        <source>Add</source>
        <translation>Ajouter</translation>
    </message>
    <message>
        <location line="-380"/>
        <source>Add a policy</source>
        <translation>Ajouter une politique</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+383"/>
        <source>Duplicate</source>
        <translation>Dupliquer</translation>
    </message>
    <message>
        <location line="-381"/>
        <location line="+383"/>
        <source>Remove</source>
        <translation>Supprimer</translation>
    </message>
    <message>
        <location line="-381"/>
        <location line="+383"/>
        <source>Up</source>
        <translation>Monter</translation>
    </message>
    <message>
        <location line="-378"/>
        <location line="+384"/>
        <source>Down</source>
        <translation>Descendre</translation>
    </message>
    <message>
        <location line="-369"/>
        <source>Policies</source>
        <translation>Politiques</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Registration Entries</source>
        <translation>Entrées d&apos;enregistrement</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Version</source>
        <translation>Version</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Saved</source>
        <translation>Enregistrée</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Comment</source>
        <translation>Commentaire</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Saved versions</source>
        <translation>Versions enregistrées</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Subject</source>
        <translation>Sujet</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Gains</source>
        <translation>Obtient</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Loses</source>
        <translation>Perd</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Rule or TTL changed</source>
        <translation>Règle ou TTL modifiée</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>First change</source>
        <translation>Premier changement</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Re-simulation against the saved version</source>
        <translation>Nouvelle simulation face à la version enregistrée</translation>
    </message>
    <message>
        <location line="+46"/>
        <source>Re-simulating…</source>
        <translation>Nouvelle simulation…</translation>
    </message>
    <message>
        <location line="+5"/>
        <location line="+29"/>
        <source>Not re-simulated: %1</source>
        <translation>Pas de nouvelle simulation : %1</translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n evidence record(s) recorded; edit a policy to see its effect.</source>
        <translation>
            <numerusform>%n preuve enregistrée ; modifiez une politique pour voir son effet.</numerusform>
            <numerusform>%n preuves enregistrées ; modifiez une politique pour voir son effet.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Grant</source>
        <translation>Accorder</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Deny</source>
        <translation>Refuser</translation>
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
        <translation>valeur par défaut du serveur</translation>
    </message>
    <message>
        <location line="-263"/>
        <location line="+266"/>
        <source>comma-separated</source>
        <translation>séparés par des virgules</translation>
    </message>
    <message>
        <location line="-263"/>
        <location line="+265"/>
        <source>comma-separated trust domains</source>
        <translation>domaines de confiance séparés par des virgules</translation>
    </message>
    <message>
        <location line="-259"/>
        <source>&amp;Name:</source>
        <translation>&amp;Nom :</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Effect:</source>
        <translation>&amp;Effet :</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Trust domain:</source>
        <translation>&amp;Domaine de confiance :</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>SPIFFE ID te&amp;mplate:</source>
        <translation>&amp;Modèle d&apos;ID SPIFFE :</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+261"/>
        <source>&amp;X509-SVID TTL:</source>
        <translation>TTL &amp;X509-SVID :</translation>
    </message>
    <message>
        <location line="-260"/>
        <location line="+261"/>
        <source>&amp;JWT-SVID TTL:</source>
        <translation>TTL &amp;JWT-SVID :</translation>
    </message>
    <message>
        <location line="-260"/>
        <location line="+261"/>
        <source>&amp;DNS names:</source>
        <translation>Noms DN&amp;S :</translation>
    </message>
    <message>
        <location line="-260"/>
        <location line="+261"/>
        <source>&amp;Federates with:</source>
        <translation>&amp;Fédéré avec :</translation>
    </message>
    <message>
        <location line="-260"/>
        <source>&amp;Condition:</source>
        <translation>&amp;Condition :</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>The condition parses and type-checks.</source>
        <translation>La condition est correcte en syntaxe et en types.</translation>
    </message>
    <message>
        <location line="+186"/>
        <source>Add a registration entry</source>
        <translation>Ajouter une entrée d&apos;enregistrement</translation>
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
        <translation>ID S&amp;PIFFE :</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Parent ID:</source>
        <translation>ID pa&amp;rent :</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>S&amp;electors:</source>
        <translation>S&amp;électeurs :</translation>
    </message>
    <message>
        <location line="-379"/>
        <source>What changed, and why</source>
        <translation>Ce qui a changé, et pourquoi</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Save Version</source>
        <translation>Enre&amp;gistrer la version</translation>
    </message>
    <message>
        <location line="+264"/>
        <source>Not saved: %1</source>
        <translation>Non enregistré : %1</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>version %1</source>
        <translation>la version %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>no saved policies</source>
        <translation>aucune politique enregistrée</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No subject gains or loses an identity against %1.</source>
        <translation>Aucun sujet n&apos;obtient ni ne perd d&apos;identité face à %1.</translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n subject(s) fare differently than under %1.</source>
        <translation>
            <numerusform>%n sujet s&apos;en tire autrement que sous %1.</numerusform>
            <numerusform>%n sujets s&apos;en tirent autrement que sous %1.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ta::views::GraphCanvas</name>
    <message>
        <source>Graph</source>
        <translation>Graphe</translation>
    </message>
    <message>
        <source>Fit</source>
        <translation>Ajuster</translation>
    </message>
    <message>
        <source>Ctrl+0</source>
        <translation>Ctrl+0</translation>
    </message>
    <message>
        <source>Show the whole estate (Ctrl+0)</source>
        <translation>Afficher tout le parc (Ctrl+0)</translation>
    </message>
    <message>
        <source>Zoom In</source>
        <translation>Zoom avant</translation>
    </message>
    <message>
        <source>Zoom Out</source>
        <translation>Zoom arrière</translation>
    </message>
    <message>
        <source>Zoom to Selection</source>
        <translation>Zoomer sur la sélection</translation>
    </message>
    <message>
        <source>Ctrl+1</source>
        <translation>Ctrl+1</translation>
    </message>
    <message>
        <source>Lay Out Again</source>
        <translation>Disposer à nouveau</translation>
    </message>
    <message>
        <source>Blast Radius</source>
        <translation>Rayon d’impact</translation>
    </message>
    <message>
        <source>Highlight everything that depends on the selected node</source>
        <translation>Mettre en évidence tout ce qui dépend du nœud sélectionné</translation>
    </message>
    <message>
        <source>Path</source>
        <translation>Chemin</translation>
    </message>
    <message>
        <source>Highlight the path between the two selected nodes</source>
        <translation>Mettre en évidence le chemin entre les deux nœuds sélectionnés</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>Effacer</translation>
    </message>
    <message>
        <source>Clear the highlights</source>
        <translation>Effacer les mises en évidence</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>Exporter…</translation>
    </message>
    <message>
        <source>Export the current view as SVG, PNG or PDF</source>
        <translation>Exporter la vue actuelle en SVG, PNG ou PDF</translation>
    </message>
    <message>
        <source>Find SPIFFE ID, subject, serial, name (Ctrl+F)</source>
        <translation>Rechercher ID SPIFFE, sujet, numéro de série, nom (Ctrl+F)</translation>
    </message>
    <message>
        <source>No match for “%1”</source>
        <translation>Aucun résultat pour « %1 »</translation>
    </message>
    <message>
        <source>Find</source>
        <translation>Rechercher</translation>
    </message>
    <message>
        <source>Show one node type</source>
        <translation>Afficher un seul type de nœud</translation>
    </message>
    <message>
        <source>All types</source>
        <translation>Tous les types</translation>
    </message>
    <message>
        <source>Show one trust domain</source>
        <translation>Afficher un seul domaine de confiance</translation>
    </message>
    <message>
        <source>Show one status</source>
        <translation>Afficher un seul statut</translation>
    </message>
    <message>
        <source>All statuses</source>
        <translation>Tous les statuts</translation>
    </message>
    <message>
        <source>Layout %p%</source>
        <translation>Disposition %p%</translation>
    </message>
    <message>
        <source>Cancel Layout</source>
        <translation>Annuler la disposition</translation>
    </message>
    <message numerus="yes">
        <source>%n node(s)</source>
        <translation>
            <numerusform>%n nœud</numerusform>
            <numerusform>%n nœuds</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n edge(s)</source>
        <translation>
            <numerusform>%n arête</numerusform>
            <numerusform>%n arêtes</numerusform>
        </translation>
    </message>
    <message>
        <source>Layout cancelled or failed; nodes stay where they were.</source>
        <translation>Disposition annulée ou échouée ; les nœuds restent où ils étaient.</translation>
    </message>
    <message>
        <source>Found %1</source>
        <translation>Trouvé : %1</translation>
    </message>
    <message>
        <source>All trust domains</source>
        <translation>Tous les domaines de confiance</translation>
    </message>
    <message numerus="yes">
        <source>Blast radius of %1: %n dependent node(s)</source>
        <translation>
            <numerusform>Rayon d’impact de %1 : %n nœud dépendant</numerusform>
            <numerusform>Rayon d’impact de %1 : %n nœuds dépendants</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Path of %n step(s)</source>
        <translation>
            <numerusform>Chemin de %n étape</numerusform>
            <numerusform>Chemin de %n étapes</numerusform>
        </translation>
    </message>
    <message>
        <source>No path between %1 and %2</source>
        <translation>Aucun chemin entre %1 et %2</translation>
    </message>
    <message>
        <source>Select two nodes (Ctrl+click) to see the path between them.</source>
        <translation>Sélectionnez deux nœuds (Ctrl+clic) pour voir le chemin qui les relie.</translation>
    </message>
    <message>
        <source>Trust Atlas estate</source>
        <translation>Parc Trust Atlas</translation>
    </message>
    <message>
        <source>Cannot write %1</source>
        <translation>Impossible d’écrire %1</translation>
    </message>
    <message>
        <source>Unknown export format “%1”: use .svg, .png or .pdf</source>
        <translation>Format d’export inconnu « %1 » : utilisez .svg, .png ou .pdf</translation>
    </message>
    <message>
        <source>Export View</source>
        <translation>Exporter la vue</translation>
    </message>
    <message>
        <source>SVG image (*.svg);;PNG image (*.png);;PDF document (*.pdf)</source>
        <translation>Image SVG (*.svg);;Image PNG (*.png);;Document PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Exported %1</source>
        <translation>%1 exporté</translation>
    </message>
    <message>
        <source>Laying out the graph</source>
        <translation>Disposition du graphe</translation>
    </message>
</context>
<context>
    <name>ta::views::GraphMinimap</name>
    <message>
        <source>Overview: click or drag to move the view</source>
        <translation>Vue d’ensemble : cliquez ou faites glisser pour déplacer la vue</translation>
    </message>
</context>
<context>
    <name>ta::views::GraphLegend</name>
    <message>
        <source>Legend</source>
        <translation>Légende</translation>
    </message>
    <message>
        <source>Nodes</source>
        <translation>Nœuds</translation>
    </message>
    <message>
        <source>Edges</source>
        <translation>Arêtes</translation>
    </message>
    <message>
        <source>Status (colour, outline, badge)</source>
        <translation>Statut (couleur, contour, badge)</translation>
    </message>
</context>
<context>
    <name>ta::app::GraphCanvasController</name>
    <message>
        <source>Severity</source>
        <translation>Gravité</translation>
    </message>
    <message>
        <source>Finding</source>
        <translation>Constat</translation>
    </message>
    <message>
        <source>About</source>
        <translation>Concerne</translation>
    </message>
    <message>
        <source>Reading the evidence timeline</source>
        <translation>Lecture de la chronologie des preuves</translation>
    </message>
</context>
<context>
    <name>GraphStyle</name>
    <message>
        <source>Trust domain</source>
        <translation>Domaine de confiance</translation>
    </message>
    <message>
        <source>Authority</source>
        <translation>Autorité</translation>
    </message>
    <message>
        <source>Platform</source>
        <translation>Plateforme</translation>
    </message>
    <message>
        <source>Anchor</source>
        <translation>Ancre</translation>
    </message>
    <message>
        <source>Node</source>
        <translation>Nœud</translation>
    </message>
    <message>
        <source>Workload</source>
        <translation>Charge de travail</translation>
    </message>
    <message>
        <source>Identity</source>
        <translation>Identité</translation>
    </message>
    <message>
        <source>Credential</source>
        <translation>Justificatif</translation>
    </message>
    <message>
        <source>Rule</source>
        <translation>Règle</translation>
    </message>
    <message>
        <source>federates with</source>
        <translation>fédère avec</translation>
    </message>
    <message>
        <source>attested by</source>
        <translation>attesté par</translation>
    </message>
    <message>
        <source>runs on</source>
        <translation>s’exécute sur</translation>
    </message>
    <message>
        <source>grants</source>
        <translation>accorde</translation>
    </message>
    <message>
        <source>holds</source>
        <translation>détient</translation>
    </message>
    <message>
        <source>identifies</source>
        <translation>identifie</translation>
    </message>
    <message>
        <source>issued by</source>
        <translation>émis par</translation>
    </message>
    <message>
        <source>member of</source>
        <translation>membre de</translation>
    </message>
    <message>
        <source>no status</source>
        <translation>aucun statut</translation>
    </message>
    <message>
        <source>attested</source>
        <translation>attesté</translation>
    </message>
    <message>
        <source>warning</source>
        <translation>avertissement</translation>
    </message>
    <message>
        <source>refused</source>
        <translation>refusé</translation>
    </message>
    <message>
        <source>stale</source>
        <translation>périmé</translation>
    </message>
    <message>
        <source>valid</source>
        <translation>valide</translation>
    </message>
    <message>
        <source>expiring</source>
        <translation>expire bientôt</translation>
    </message>
    <message>
        <source>expired</source>
        <translation>expiré</translation>
    </message>
    <message>
        <source>revoked</source>
        <translation>révoqué</translation>
    </message>
    <message>
        <source>planned</source>
        <translation>planifié</translation>
    </message>
</context>
<context>
    <name>GraphClusterItem</name>
    <message>
        <source>Trust domain %1: double-click to collapse or expand</source>
        <translation>Domaine de confiance %1 : double-cliquez pour replier ou déplier</translation>
    </message>
    <message numerus="yes">
        <source>%n node(s)</source>
        <translation>
            <numerusform>%n nœud</numerusform>
            <numerusform>%n nœuds</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 (%n node(s))</source>
        <translation>
            <numerusform>%1 (%n nœud)</numerusform>
            <numerusform>%1 (%n nœuds)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MoveNodesCommand</name>
    <message numerus="yes">
        <source>Move %n node(s)</source>
        <translation>
            <numerusform>Déplacer %n nœud</numerusform>
            <numerusform>Déplacer %n nœuds</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ta::models::FederationEditCommand</name>
    <message>
        <source>Federate %1 with %2</source>
        <translation>Fédérer %1 avec %2</translation>
    </message>
    <message>
        <source>Edit federation of %1 with %2</source>
        <translation>Modifier la fédération de %1 avec %2</translation>
    </message>
    <message>
        <source>Remove federation of %1 with %2</source>
        <translation>Supprimer la fédération de %1 avec %2</translation>
    </message>
</context>
<context>
    <name>ta::models::FederationModel</name>
    <message>
        <source>Not fetched yet</source>
        <translation>Pas encore récupéré</translation>
    </message>
    <message>
        <source>Fetching…</source>
        <translation>Récupération…</translation>
    </message>
    <message>
        <source>New bundle stored</source>
        <translation>Nouveau bundle enregistré</translation>
    </message>
    <message>
        <source>Up to date</source>
        <translation>À jour</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Échec</translation>
    </message>
    <message>
        <source>Failed: %1</source>
        <translation>Échec : %1</translation>
    </message>
    <message>
        <source>Endpoint SPIFFE ID: %1</source>
        <translation>ID SPIFFE du point de terminaison : %1</translation>
    </message>
    <message numerus="yes">
        <source>%n bundle(s) fetched</source>
        <translation>
            <numerusform>%n bundle récupéré</numerusform>
            <numerusform>%n bundles récupérés</numerusform>
        </translation>
    </message>
    <message>
        <source>none</source>
        <translation>aucune</translation>
    </message>
    <message>
        <source>never</source>
        <translation>jamais</translation>
    </message>
    <message>
        <source>now</source>
        <translation>maintenant</translation>
    </message>
    <message>
        <source>not scheduled</source>
        <translation>non planifiée</translation>
    </message>
    <message>
        <source>Trust Domain</source>
        <translation>Domaine de confiance</translation>
    </message>
    <message>
        <source>Peer</source>
        <translation>Pair</translation>
    </message>
    <message>
        <source>Profile</source>
        <translation>Profil</translation>
    </message>
    <message>
        <source>Bundle Endpoint</source>
        <translation>Point de terminaison du bundle</translation>
    </message>
    <message>
        <source>Held Sequence</source>
        <translation>Séquence détenue</translation>
    </message>
    <message>
        <source>Last Fetch</source>
        <translation>Dernière récupération</translation>
    </message>
    <message>
        <source>Next Fetch</source>
        <translation>Prochaine récupération</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>État</translation>
    </message>
</context>
<context>
    <name>ta::views::FederationDialog</name>
    <message>
        <source>Add Federation Relationship</source>
        <translation>Ajouter une relation de fédération</translation>
    </message>
    <message>
        <source>Edit Federation Relationship</source>
        <translation>Modifier la relation de fédération</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Enregistrer</translation>
    </message>
    <message>
        <source>&amp;Trust domain:</source>
        <translation>&amp;Domaine de confiance :</translation>
    </message>
    <message>
        <source>partner.example</source>
        <translation>partner.example</translation>
    </message>
    <message>
        <source>&amp;Peer trust domain:</source>
        <translation>Domaine de confiance &amp;pair :</translation>
    </message>
    <message>
        <source>https://spire.partner.example:8443/</source>
        <translation>https://spire.partner.example:8443/</translation>
    </message>
    <message>
        <source>Bundle &amp;endpoint URL:</source>
        <translation>URL du point de terminaison du &amp;bundle :</translation>
    </message>
    <message>
        <source>https_spiffe (endpoint authenticated by its SVID)</source>
        <translation>https_spiffe (point de terminaison authentifié par son SVID)</translation>
    </message>
    <message>
        <source>https_web (endpoint authenticated by web PKI)</source>
        <translation>https_web (point de terminaison authentifié par la PKI web)</translation>
    </message>
    <message>
        <source>P&amp;rofile:</source>
        <translation>P&amp;rofil :</translation>
    </message>
    <message>
        <source>Endpoint &amp;SPIFFE ID:</source>
        <translation>ID &amp;SPIFFE du point de terminaison :</translation>
    </message>
    <message>
        <source>Load…</source>
        <translation>Charger…</translation>
    </message>
    <message>
        <source>Load Bootstrap Bundle</source>
        <translation>Charger le bundle d’amorçage</translation>
    </message>
    <message>
        <source>The peer's SPIFFE bundle (JSON) or CA certificates (PEM), trusted for the first fetch; empty: the peer's own bundle when it is a trust domain of this workspace</source>
        <translation>Le bundle SPIFFE (JSON) ou les certificats d’AC (PEM) du pair, approuvés pour la première récupération ; vide : le bundle du pair lui-même lorsqu’il est un domaine de confiance de cet espace de travail</translation>
    </message>
    <message>
        <source>&amp;Bootstrap bundle:</source>
        <translation>&amp;Bundle d’amorçage :</translation>
    </message>
    <message>
        <source>Load Pinned CA</source>
        <translation>Charger l’AC épinglée</translation>
    </message>
    <message>
        <source>CA certificates (PEM) the endpoint must chain to; empty: the system's web roots</source>
        <translation>Certificats d’AC (PEM) auxquels la chaîne du point de terminaison doit aboutir ; vide : les racines web du système</translation>
    </message>
    <message>
        <source>Pinned &amp;CA:</source>
        <translation>&amp;AC épinglée :</translation>
    </message>
    <message>
        <source>&amp;Add</source>
        <translation>&amp;Ajouter</translation>
    </message>
    <message>
        <source>Bundles and certificates (*.json *.pem *.crt)</source>
        <translation>Bundles et certificats (*.json *.pem *.crt)</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>Tous les fichiers (*)</translation>
    </message>
    <message>
        <source>%1 is larger than 1 MiB: not a bundle or a CA file.</source>
        <translation>%1 dépasse 1 Mio : ce n’est ni un bundle ni un fichier d’AC.</translation>
    </message>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>Impossible de lire %1 : %2</translation>
    </message>
</context>
<context>
    <name>ta::views::FederationPanel</name>
    <message>
        <source>&amp;Add…</source>
        <translation>&amp;Ajouter…</translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation>&amp;Modifier…</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>&amp;Supprimer</translation>
    </message>
    <message>
        <source>Refresh &amp;Now</source>
        <translation>Actualiser &amp;maintenant</translation>
    </message>
    <message>
        <source>Refresh &amp;Automatically</source>
        <translation>Actualiser &amp;automatiquement</translation>
    </message>
    <message>
        <source>Fetch each peer's bundle again when its refresh hint says</source>
        <translation>Récupérer à nouveau le bundle de chaque pair quand son indication d’actualisation le dit</translation>
    </message>
    <message>
        <source>Sequence</source>
        <translation>Séquence</translation>
    </message>
    <message>
        <source>Fetched</source>
        <translation>Récupéré</translation>
    </message>
    <message>
        <source>Refresh Hint</source>
        <translation>Indication d’actualisation</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>Clés</translation>
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
        <translation>aucune</translation>
    </message>
    <message>
        <source>Federation relationship added. Undo removes it.</source>
        <translation>Relation de fédération ajoutée. Annuler la supprime.</translation>
    </message>
    <message>
        <source>Removed the federation of %1 with %2 and its fetched bundles. Undo brings them back.</source>
        <translation>Fédération de %1 avec %2 supprimée avec ses bundles récupérés. Annuler les rétablit.</translation>
    </message>
</context>
<context>
    <name>ta::views::DecisionLog</name>
    <message>
        <source>&amp;Subject:</source>
        <translation>&amp;Sujet :</translation>
    </message>
    <message>
        <source>Replaying…</source>
        <translation>Rejeu…</translation>
    </message>
    <message>
        <source>The selected rule's source, its failing clause underlined.</source>
        <translation>La source de la règle choisie, la clause en échec soulignée.</translation>
    </message>
    <message>
        <source>At %1</source>
        <translation>Le %1</translation>
    </message>
    <message>
        <source>At %1, the end of the evidence timeline</source>
        <translation>Le %1, fin de la chronologie des preuves</translation>
    </message>
    <message>
        <source>At the end of the evidence timeline</source>
        <translation>À la fin de la chronologie des preuves</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1, by the studio&apos;s unsaved rules</source>
        <translation>%1, selon les règles non enregistrées du studio</translation>
    </message>
    <message>
        <source>Not explained: %1</source>
        <translation>Non expliqué : %1</translation>
    </message>
    <message>
        <source>Pick a subject above, or a workload, node or identity on the graph, to see why it gets its identities or does not.</source>
        <translation>Choisissez un sujet ci-dessus, ou une charge, un nœud ou une identité sur le graphe, pour voir pourquoi il reçoit ses identités ou non.</translation>
    </message>
    <message>
        <source>Replaying the evidence…</source>
        <translation>Rejeu des preuves…</translation>
    </message>
    <message>
        <source>%1 has no record at or before this instant, so no rule decided for it.</source>
        <translation>%1 n'a aucun enregistrement à cet instant ou avant ; aucune règle n'a décidé pour lui.</translation>
    </message>
    <message>
        <source>Last record of %1 at %2 (%3): %4.</source>
        <translation>Dernier enregistrement de %1 le %2 (%3) : %4.</translation>
    </message>
    <message>
        <source>Refused for %1.</source>
        <translation>Refusé pour %1.</translation>
    </message>
    <message>
        <source>Its attestation holds.</source>
        <translation>Son attestation tient.</translation>
    </message>
    <message>
        <source>Not attested: refused at %1.</source>
        <translation>Non attesté : refusé le %1.</translation>
    </message>
    <message>
        <source>Not attested: no accepted record since %1 (stale).</source>
        <translation>Non attesté : aucun enregistrement accepté depuis le %1 (périmé).</translation>
    </message>
    <message>
        <source>Not attested: its node stopped vouching at %1.</source>
        <translation>Non attesté : son nœud ne s'en porte plus garant depuis le %1.</translation>
    </message>
    <message>
        <source>Not attested: a key or anchor it rested on was revoked at %1.</source>
        <translation>Non attesté : une clé ou une ancre sur laquelle il reposait a été révoquée le %1.</translation>
    </message>
    <message>
        <source>Its node is not attested, so it holds nothing.</source>
        <translation>Son nœud n'est pas attesté ; il ne détient donc rien.</translation>
    </message>
    <message>
        <source>Not attested.</source>
        <translation>Non attesté.</translation>
    </message>
    <message>
        <source>Runs on %1.</source>
        <translation>S'exécute sur %1.</translation>
    </message>
    <message>
        <source>Holds no identity.</source>
        <translation>Ne détient aucune identité.</translation>
    </message>
    <message>
        <source>Holds %1.</source>
        <translation>Détient %1.</translation>
    </message>
    <message>
        <source>%1: %2 — %3</source>
        <translation>%1 : %2 — %3</translation>
    </message>
</context>
<context>
    <name>ta::models::DecisionLogModel</name>
    <message>
        <source>error: %1</source>
        <translation>erreur : %1</translation>
    </message>
    <message>
        <source>(absent)</source>
        <translation>(absent)</translation>
    </message>
    <message>
        <source>Granted</source>
        <translation>Accordée</translation>
    </message>
    <message>
        <source>Overridden by a deny</source>
        <translation>Annulée par un refus</translation>
    </message>
    <message>
        <source>Deny applies</source>
        <translation>Refus appliqué</translation>
    </message>
    <message>
        <source>Not matched</source>
        <translation>Non satisfaite</translation>
    </message>
    <message>
        <source>Condition error</source>
        <translation>Erreur de condition</translation>
    </message>
    <message>
        <source>Field missing</source>
        <translation>Champ manquant</translation>
    </message>
    <message>
        <source>Invalid SPIFFE ID</source>
        <translation>ID SPIFFE invalide</translation>
    </message>
    <message>
        <source>Matched</source>
        <translation>Satisfaite</translation>
    </message>
    <message>
        <source>Parent not authorized</source>
        <translation>Parent non autorisé</translation>
    </message>
    <message>
        <source>Expired</source>
        <translation>Expirée</translation>
    </message>
    <message>
        <source>Selectors missing</source>
        <translation>Sélecteurs manquants</translation>
    </message>
    <message>
        <source>Policies</source>
        <translation>Politiques</translation>
    </message>
    <message numerus="yes">
        <source>%n identity(ies) given</source>
        <translation>
            <numerusform>%n identité accordée</numerusform>
            <numerusform>%n identités accordées</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 (deny)</source>
        <translation>%1 (refus)</translation>
    </message>
    <message>
        <source>every identity of %1</source>
        <translation>toute identité de %1</translation>
    </message>
    <message>
        <source>The condition held.</source>
        <translation>La condition était vraie.</translation>
    </message>
    <message>
        <source>Fails closed: %1 %2</source>
        <translation>Échec fermé : %1 %2</translation>
    </message>
    <message>
        <source>Removed by %1.</source>
        <translation>Retirée par %1.</translation>
    </message>
    <message>
        <source>%1 was %2</source>
        <translation>%1 valait %2</translation>
    </message>
    <message>
        <source>read</source>
        <translation>lu</translation>
    </message>
    <message>
        <source>The failing clause read %1 = %2</source>
        <translation>La clause en échec a lu %1 = %2</translation>
    </message>
    <message>
        <source>Registration entries</source>
        <translation>Entrées d'enregistrement</translation>
    </message>
    <message>
        <source>The subject names no agent to match entries for.</source>
        <translation>Le sujet ne nomme aucun agent pour lequel appliquer les entrées.</translation>
    </message>
    <message>
        <source>parent: %1
selectors: %2</source>
        <translation>parent : %1
sélecteurs : %2</translation>
    </message>
    <message>
        <source>Every selector is among the subject's.</source>
        <translation>Chaque sélecteur figure parmi ceux du sujet.</translation>
    </message>
    <message>
        <source>Parent %1 is neither the agent nor below it.</source>
        <translation>Le parent %1 n'est ni l'agent ni sous lui.</translation>
    </message>
    <message>
        <source>Expired at %1.</source>
        <translation>Expirée le %1.</translation>
    </message>
    <message>
        <source>Missing %1</source>
        <translation>Manque %1</translation>
    </message>
    <message>
        <source>missing</source>
        <translation>manquant</translation>
    </message>
    <message>
        <source>The subject has no selector %1.</source>
        <translation>Le sujet n'a pas de sélecteur %1.</translation>
    </message>
    <message>
        <source>Rule</source>
        <translation>Règle</translation>
    </message>
    <message>
        <source>Verdict</source>
        <translation>Verdict</translation>
    </message>
    <message>
        <source>Identity</source>
        <translation>Identité</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>Pourquoi</translation>
    </message>
</context>
<context>
    <name>ta::models::CaSettingsCommand</name>
    <message>
        <source>Change the lifetimes of %1</source>
        <translation>Modifier les durées de vie de %1</translation>
    </message>
</context>
<context>
    <name>ta::views::CaSettingsDialog</name>
    <message>
        <source>CA Settings of %1</source>
        <translation>Paramètres de l’AC de %1</translation>
    </message>
    <message>
        <source>%1 keys, %2 (fixed since the trust domain was made)</source>
        <translation>Clés %1, %2 (fixé depuis la création du domaine de confiance)</translation>
    </message>
    <message>
        <source>intermediates under one root</source>
        <translation>intermédiaires sous une racine</translation>
    </message>
    <message>
        <source>self-signed authorities</source>
        <translation>autorités auto-signées</translation>
    </message>
    <message>
        <source>Authorities:</source>
        <translation>Autorités :</translation>
    </message>
    <message>
        <source>&amp;X509-SVID TTL:</source>
        <translation>TTL &amp;X509-SVID :</translation>
    </message>
    <message>
        <source>&amp;JWT-SVID TTL:</source>
        <translation>TTL &amp;JWT-SVID :</translation>
    </message>
    <message>
        <source>&amp;Authority lifetime:</source>
        <translation>Durée de vie de l’&amp;autorité :</translation>
    </message>
    <message>
        <source>For authorities prepared from now on; those in the bundle keep theirs</source>
        <translation>Pour les autorités préparées désormais ; celles du bundle gardent la leur</translation>
    </message>
    <message>
        <source>Bundle &amp;refresh hint:</source>
        <translation>Indication d’&amp;actualisation du bundle :</translation>
    </message>
    <message>
        <source>Changing the refresh hint publishes a new bundle (its sequence goes up): it cannot be undone.</source>
        <translation>Modifier l’indication d’actualisation publie un nouveau bundle (sa séquence augmente) : cela ne peut pas être annulé.</translation>
    </message>
    <message>
        <source>&amp;Apply</source>
        <translation>&amp;Appliquer</translation>
    </message>
    <message>
        <source>%1 d</source>
        <translation>%1 j</translation>
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
        <translation>Chaque durée de vie doit être d’au moins une seconde.</translation>
    </message>
    <message>
        <source>An SVID cannot outlive the authority that signs it.</source>
        <translation>Un SVID ne peut pas survivre à l’autorité qui le signe.</translation>
    </message>
</context>
<context>
    <name>ta::views::TimelineBar</name>
    <message>
        <source>Instant shown</source>
        <translation>Instant affiché</translation>
    </message>
    <message>
        <source>Drag to see the estate at another instant</source>
        <translation>Faites glisser pour voir le parc à un autre instant</translation>
    </message>
    <message>
        <source>Step Back</source>
        <translation>Pas en arrière</translation>
    </message>
    <message>
        <source>Alt+Left</source>
        <translation>Alt+Left</translation>
    </message>
    <message>
        <source>Play</source>
        <translation>Lecture</translation>
    </message>
    <message>
        <source>Ctrl+Shift+Space</source>
        <translation>Ctrl+Shift+Space</translation>
    </message>
    <message>
        <source>Step Forward</source>
        <translation>Pas en avant</translation>
    </message>
    <message>
        <source>Alt+Right</source>
        <translation>Alt+Right</translation>
    </message>
    <message>
        <source>First Record</source>
        <translation>Premier enregistrement</translation>
    </message>
    <message>
        <source>Alt+Home</source>
        <translation>Alt+Home</translation>
    </message>
    <message>
        <source>Last Record</source>
        <translation>Dernier enregistrement</translation>
    </message>
    <message>
        <source>Alt+End</source>
        <translation>Alt+End</translation>
    </message>
    <message>
        <source>Events at the cursor</source>
        <translation>Événements au curseur</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>Pause</translation>
    </message>
    <message>
        <source>No evidence recorded</source>
        <translation>Aucune preuve enregistrée</translation>
    </message>
    <message>
        <source>%1 UTC · record %2 of %3</source>
        <translation>%1 UTC · enregistrement %2 sur %3</translation>
    </message>
</context>
<context>
    <name>ta::models::TimelineEventModel</name>
    <message>
        <source>issued</source>
        <translation>émis</translation>
    </message>
    <message>
        <source>renewed</source>
        <translation>renouvelé</translation>
    </message>
    <message>
        <source>expired</source>
        <translation>expiré</translation>
    </message>
    <message>
        <source>revoked</source>
        <translation>révoqué</translation>
    </message>
    <message>
        <source>denied</source>
        <translation>refusé</translation>
    </message>
    <message>
        <source>evidence</source>
        <translation>preuve</translation>
    </message>
    <message>
        <source>Time (UTC)</source>
        <translation>Heure (UTC)</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>Événement</translation>
    </message>
    <message>
        <source>Subject</source>
        <translation>Sujet</translation>
    </message>
    <message>
        <source>Identity</source>
        <translation>Identité</translation>
    </message>
    <message>
        <source>Reason or source</source>
        <translation>Motif ou source</translation>
    </message>
</context>
<context>
    <name>ta::app::TimelineController</name>
    <message>
        <source>Statuses from the saved simulation run “%1”: %2 subjects attested, %3 credentials live.</source>
        <translation>Statuts tirés de l’exécution de simulation enregistrée « %1 » : %2 sujets attestés, %3 justificatifs valides.</translation>
    </message>
    <message>
        <source>Statuses from the simulation of the workspace's evidence: %1 subjects attested, %2 credentials live.</source>
        <translation>Statuts tirés de la simulation des preuves de l’espace de travail : %1 sujets attestés, %2 justificatifs valides.</translation>
    </message>
    <message>
        <source>The simulation failed (%1); statuses read from the evidence.</source>
        <translation>La simulation a échoué (%1) ; statuts lus dans les preuves.</translation>
    </message>
    <message>
        <source>Simulating the evidence… Meanwhile the statuses are read from the evidence.</source>
        <translation>Simulation des preuves… En attendant, les statuts sont lus dans les preuves.</translation>
    </message>
    <message>
        <source>Faint nodes did not exist at this instant.</source>
        <translation>Les nœuds pâles n’existaient pas à cet instant.</translation>
    </message>
    <message>
        <source>Statuses under the policy studio's unsaved edit: %1 subjects attested, %2 credentials live.</source>
        <translation>Statuts sous la modification non enregistrée du studio de politiques : %1 sujets attestés, %2 justificatifs valides.</translation>
    </message>
    <message>
        <source>Simulating the timeline</source>
        <translation>Simulation de la chronologie</translation>
    </message>
</context>
<context>
    <name>AuditReport</name>
    <message>
        <source>Audit report: %1</source>
        <translation>Rapport d'audit : %1</translation>
    </message>
    <message>
        <source>Trust Atlas audit report</source>
        <translation>Rapport d'audit Trust Atlas</translation>
    </message>
    <message>
        <source>Workspace</source>
        <translation>Espace de travail</translation>
    </message>
    <message>
        <source>Generated</source>
        <translation>Généré</translation>
    </message>
    <message>
        <source>Estate at</source>
        <translation>État du parc à</translation>
    </message>
    <message>
        <source>Tool version</source>
        <translation>Version de l'outil</translation>
    </message>
    <message>
        <source>Trust domains</source>
        <translation>Domaines de confiance</translation>
    </message>
    <message>
        <source>The workspace has no trust domain.</source>
        <translation>L'espace de travail n'a aucun domaine de confiance.</translation>
    </message>
    <message>
        <source>Authority</source>
        <translation>Autorité</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>État</translation>
    </message>
    <message>
        <source>Not after</source>
        <translation>Valide jusqu'au</translation>
    </message>
    <message>
        <source>Expiry</source>
        <translation>Expiration</translation>
    </message>
    <message>
        <source>tainted</source>
        <translation>compromise</translation>
    </message>
    <message>
        <source>expired</source>
        <translation>expirée</translation>
    </message>
    <message numerus="yes">
        <source>in %n day(s)</source>
        <translation>
            <numerusform>dans %n jour</numerusform>
            <numerusform>dans %n jours</numerusform>
        </translation>
    </message>
    <message>
        <source>Federation relationships</source>
        <translation>Relations de fédération</translation>
    </message>
    <message>
        <source>No federation relationship.</source>
        <translation>Aucune relation de fédération.</translation>
    </message>
    <message>
        <source>Trust domain</source>
        <translation>Domaine de confiance</translation>
    </message>
    <message>
        <source>Peer</source>
        <translation>Pair</translation>
    </message>
    <message>
        <source>Profile</source>
        <translation>Profil</translation>
    </message>
    <message>
        <source>Endpoint</source>
        <translation>Point de terminaison</translation>
    </message>
    <message>
        <source>Last fetch</source>
        <translation>Dernière récupération</translation>
    </message>
    <message>
        <source>Held sequence</source>
        <translation>Séquence détenue</translation>
    </message>
    <message>
        <source>never</source>
        <translation>jamais</translation>
    </message>
    <message>
        <source>none</source>
        <translation>aucune</translation>
    </message>
    <message>
        <source>Findings</source>
        <translation>Constats</translation>
    </message>
    <message>
        <source>No finding.</source>
        <translation>Aucun constat.</translation>
    </message>
    <message>
        <source>Severity</source>
        <translation>Gravité</translation>
    </message>
    <message>
        <source>Finding</source>
        <translation>Constat</translation>
    </message>
    <message>
        <source>About</source>
        <translation>Concerne</translation>
    </message>
    <message>
        <source>Detail</source>
        <translation>Détail</translation>
    </message>
    <message>
        <source>Policies</source>
        <translation>Politiques</translation>
    </message>
    <message>
        <source>No policy.</source>
        <translation>Aucune politique.</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>Effect</source>
        <translation>Effet</translation>
    </message>
    <message>
        <source>X509 TTL</source>
        <translation>TTL X509</translation>
    </message>
    <message>
        <source>JWT TTL</source>
        <translation>TTL JWT</translation>
    </message>
    <message>
        <source>Federates with</source>
        <translation>Fédéré avec</translation>
    </message>
    <message>
        <source>SPIFFE ID template:</source>
        <translation>Modèle d'ID SPIFFE :</translation>
    </message>
    <message>
        <source>Condition:</source>
        <translation>Condition :</translation>
    </message>
    <message>
        <source>No version saved.</source>
        <translation>Aucune version enregistrée.</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>Version</translation>
    </message>
    <message>
        <source>Saved</source>
        <translation>Enregistrée</translation>
    </message>
    <message>
        <source>Comment</source>
        <translation>Commentaire</translation>
    </message>
    <message>
        <source>Policy versions</source>
        <translation>Versions des politiques</translation>
    </message>
    <message>
        <source>Registration entries</source>
        <translation>Entrées d'enregistrement</translation>
    </message>
    <message>
        <source>No registration entry.</source>
        <translation>Aucune entrée d'enregistrement.</translation>
    </message>
    <message>
        <source>ID</source>
        <translation>ID</translation>
    </message>
    <message>
        <source>SPIFFE ID</source>
        <translation>ID SPIFFE</translation>
    </message>
    <message>
        <source>Parent ID</source>
        <translation>ID parent</translation>
    </message>
    <message>
        <source>Selectors</source>
        <translation>Sélecteurs</translation>
    </message>
    <message>
        <source>Registration entry versions</source>
        <translation>Versions des entrées d'enregistrement</translation>
    </message>
    <message>
        <source>Decision summary</source>
        <translation>Synthèse des décisions</translation>
    </message>
    <message>
        <source>Nothing was simulated.</source>
        <translation>Rien n'a été simulé.</translation>
    </message>
    <message numerus="yes">
        <source>The latest rules replayed over the workspace's %n evidence record(s).</source>
        <translation>
            <numerusform>Les règles les plus récentes rejouées sur %n preuve de l'espace de travail.</numerusform>
            <numerusform>Les règles les plus récentes rejouées sur les %n preuves de l'espace de travail.</numerusform>
        </translation>
    </message>
    <message>
        <source>The graph's statuses come from the saved run "%1".</source>
        <translation>Les états du graphe proviennent de l'exécution enregistrée « %1 ».</translation>
    </message>
    <message>
        <source>Subjects</source>
        <translation>Sujets</translation>
    </message>
    <message>
        <source>Issued</source>
        <translation>Émis</translation>
    </message>
    <message>
        <source>Renewed</source>
        <translation>Renouvelés</translation>
    </message>
    <message>
        <source>Expired</source>
        <translation>Expirés</translation>
    </message>
    <message>
        <source>Revoked</source>
        <translation>Révoqués</translation>
    </message>
    <message>
        <source>Denied</source>
        <translation>Refusés</translation>
    </message>
    <message>
        <source>Subject</source>
        <translation>Sujet</translation>
    </message>
    <message>
        <source>Live at the end</source>
        <translation>Valides à la fin</translation>
    </message>
    <message>
        <source>Identities</source>
        <translation>Identités</translation>
    </message>
    <message>
        <source>Graph</source>
        <translation>Graphe</translation>
    </message>
    <message>
        <source>The estate is empty.</source>
        <translation>Le parc est vide.</translation>
    </message>
    <message>
        <source>The graph could not be drawn (%1).</source>
        <translation>Le graphe n'a pas pu être dessiné (%1).</translation>
    </message>
    <message>
        <source>The estate graph at %1</source>
        <translation>Le graphe du parc à %1</translation>
    </message>
    <message>
        <source>What-if</source>
        <translation>Et si</translation>
    </message>
    <message>
        <source>%1 subjects changed: %2 identities gained, %3 lost, %4 changed.</source>
        <translation>%1 sujets modifiés : %2 identités gagnées, %3 perdues, %4 modifiées.</translation>
    </message>
    <message>
        <source>Gained</source>
        <translation>Gagnées</translation>
    </message>
    <message>
        <source>Lost</source>
        <translation>Perdues</translation>
    </message>
    <message>
        <source>Changed</source>
        <translation>Modifiées</translation>
    </message>
    <message>
        <source>First divergence</source>
        <translation>Première divergence</translation>
    </message>
</context>
<context>
    <name>ta::app::AuditReportController</name>
    <message>
        <source>Export &amp;Audit Report…</source>
        <translation>Exporter le rapport d'&amp;audit…</translation>
    </message>
    <message>
        <source>Write the audit report of the workspace as HTML or PDF.</source>
        <translation>Écrire le rapport d'audit de l'espace de travail en HTML ou en PDF.</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>Stop writing the audit report</source>
        <translation>Arrêter l'écriture du rapport d'audit</translation>
    </message>
    <message>
        <source>HTML report (*.html)</source>
        <translation>Rapport HTML (*.html)</translation>
    </message>
    <message>
        <source>PDF report (*.pdf)</source>
        <translation>Rapport PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Export Audit Report</source>
        <translation>Exporter le rapport d'audit</translation>
    </message>
    <message>
        <source>The policy studio's unsaved edits against the saved policies.</source>
        <translation>Les modifications non enregistrées du studio de politiques face aux politiques enregistrées.</translation>
    </message>
    <message>
        <source>Writing the audit report to %1…</source>
        <translation>Écriture du rapport d'audit dans %1…</translation>
    </message>
    <message>
        <source>Audit report: replaying the evidence…</source>
        <translation>Rapport d'audit : rejeu des preuves…</translation>
    </message>
    <message>
        <source>Audit report: laying out the graph…</source>
        <translation>Rapport d'audit : disposition du graphe…</translation>
    </message>
    <message>
        <source>Audit report: writing %1…</source>
        <translation>Rapport d'audit : écriture de %1…</translation>
    </message>
    <message>
        <source>The audit report could not be written: %1</source>
        <translation>Le rapport d'audit n'a pas pu être écrit : %1</translation>
    </message>
    <message>
        <source>Audit report written to %1</source>
        <translation>Rapport d'audit écrit dans %1</translation>
    </message>
    <message>
        <source>Audit report cancelled; no file was written.</source>
        <translation>Rapport d'audit annulé ; aucun fichier n'a été écrit.</translation>
    </message>
    <message>
        <source>The what-if view's comparison. %1</source>
        <translation>La comparaison de la vue de simulation comparative. %1</translation>
    </message>
</context>
<context>
    <name>ta::models::WhatIfModel</name>
    <message>
        <source>%1: rules %2 → %3</source>
        <translation>%1 : règles %2 → %3</translation>
    </message>
    <message>
        <source>Activate to move the time bar to this instant.</source>
        <translation>Activer pour placer la barre de temps à cet instant.</translation>
    </message>
    <message>
        <source>Subject</source>
        <translation>Sujet</translation>
    </message>
    <message>
        <source>Gained</source>
        <translation>Obtenues</translation>
    </message>
    <message>
        <source>Lost</source>
        <translation>Perdues</translation>
    </message>
    <message>
        <source>Changed</source>
        <translation>Modifiées</translation>
    </message>
    <message>
        <source>First divergence</source>
        <translation>Première divergence</translation>
    </message>
</context>
<context>
    <name>ta::views::WhatIfView</name>
    <message>
        <source>&amp;Base:</source>
        <translation>&amp;Base :</translation>
    </message>
    <message>
        <source>C&amp;andidate:</source>
        <translation>C&amp;andidat :</translation>
    </message>
    <message>
        <source>&amp;Run What-If</source>
        <translation>&amp;Lancer la simulation comparative</translation>
    </message>
    <message>
        <source>Replay the whole evidence timeline under both policy sets (F5)</source>
        <translation>Rejouer toute la chronologie des preuves sous les deux jeux de politiques (F5)</translation>
    </message>
    <message>
        <source>&amp;Cancel</source>
        <translation>A&amp;nnuler</translation>
    </message>
    <message>
        <source>Stop the what-if run (Esc)</source>
        <translation>Arrêter la simulation comparative (Échap)</translation>
    </message>
    <message>
        <source>Replaying the evidence timeline under both policy sets…</source>
        <translation>Lecture de la chronologie des preuves sous les deux jeux de politiques…</translation>
    </message>
    <message>
        <source>The what-if failed: %1</source>
        <translation>La simulation comparative a échoué : %1</translation>
    </message>
    <message>
        <source>What-if cancelled; the table still shows the previous result.</source>
        <translation>Simulation comparative annulée ; le tableau montre toujours le résultat précédent.</translation>
    </message>
    <message>
        <source>What-if cancelled.</source>
        <translation>Simulation comparative annulée.</translation>
    </message>
    <message>
        <source>Pick two policy sets and run the what-if.</source>
        <translation>Choisissez deux jeux de politiques et lancez la simulation comparative.</translation>
    </message>
    <message>
        <source>the policy studio's unsaved edit</source>
        <translation>la modification non enregistrée du studio de politiques</translation>
    </message>
    <message>
        <source>version %1</source>
        <translation>version %1</translation>
    </message>
    <message>
        <source>Version %1 — %2 (%3)</source>
        <translation>Version %1 — %2 (%3)</translation>
    </message>
    <message>
        <source>no comment</source>
        <translation>sans commentaire</translation>
    </message>
    <message>
        <source>Unsaved edit in the Policy Studio</source>
        <translation>Modification non enregistrée du studio de politiques</translation>
    </message>
    <message>
        <source>the policy studio's unsaved registration entries</source>
        <translation>les entrées d'enregistrement non enregistrées du studio de politiques</translation>
    </message>
    <message>
        <source>registration entries version %1</source>
        <translation>la version %1 des entrées d'enregistrement</translation>
    </message>
    <message>
        <source>Registration entries version %1 — %2 (%3)</source>
        <translation>Entrées d'enregistrement, version %1 — %2 (%3)</translation>
    </message>
    <message>
        <source>Unsaved registration entries in the Policy Studio</source>
        <translation>Entrées d'enregistrement non enregistrées du studio de politiques</translation>
    </message>
    <message>
        <source>Save a policy version first: the what-if compares against one.</source>
        <translation>Enregistrez d'abord une version des politiques : la simulation comparative s'y compare.</translation>
    </message>
    <message>
        <source>The policy studio is not open.</source>
        <translation>Le studio de politiques n'est pas ouvert.</translation>
    </message>
    <message>
        <source>Candidate: %1; base: %2.</source>
        <translation>Candidat : %1 ; base : %2.</translation>
    </message>
    <message>
        <source>No subject fares differently over the whole timeline.</source>
        <translation>Aucun sujet n'est traité différemment sur toute la chronologie.</translation>
    </message>
    <message>
        <source>Subjects that differ: %1 — identities gained: %2, lost: %3, changed: %4.</source>
        <translation>Sujets qui diffèrent : %1 — identités obtenues : %2, perdues : %3, modifiées : %4.</translation>
    </message>
</context>
<context>
    <name>ta::models::EvidenceTimelineModel</name>
    <message>
        <source>Affirming</source>
        <translation>Affirmé</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>Avertissement</translation>
    </message>
    <message>
        <source>Refused</source>
        <translation>Refusé</translation>
    </message>
    <message>
        <source>Not verified</source>
        <translation>Non vérifié</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Heure</translation>
    </message>
    <message>
        <source>Subject</source>
        <translation>Sujet</translation>
    </message>
    <message>
        <source>Attestor</source>
        <translation>Attesteur</translation>
    </message>
    <message>
        <source>Verdict</source>
        <translation>Verdict</translation>
    </message>
    <message>
        <source>Reasons</source>
        <translation>Raisons</translation>
    </message>
    <message>
        <source>Selectors</source>
        <translation>Sélecteurs</translation>
    </message>
</context>
<context>
    <name>ta::models::EvidenceImporter</name>
    <message>
        <source>Importing %1</source>
        <translation>Importation de %1</translation>
    </message>
    <message>
        <source>Verifying evidence</source>
        <translation>Vérification des preuves</translation>
    </message>
</context>
<context>
    <name>ta::views::EvidenceTimeline</name>
    <message>
        <source>Any start</source>
        <translation>Début quelconque</translation>
    </message>
    <message>
        <source>Any end</source>
        <translation>Fin quelconque</translation>
    </message>
    <message>
        <source>&amp;Import…</source>
        <translation>&amp;Importer…</translation>
    </message>
    <message>
        <source>Subject contains…</source>
        <translation>Le sujet contient…</translation>
    </message>
    <message>
        <source>Any verdict</source>
        <translation>Tout verdict</translation>
    </message>
    <message>
        <source>Any attestor</source>
        <translation>Tout attesteur</translation>
    </message>
    <message>
        <source>Records at or after this instant (UTC)</source>
        <translation>Enregistrements à partir de cet instant (UTC)</translation>
    </message>
    <message>
        <source>Records at or before this instant (UTC)</source>
        <translation>Enregistrements jusqu'à cet instant (UTC)</translation>
    </message>
    <message>
        <source>Import evidence records (JSON Lines); files can also be dropped here</source>
        <translation>Importer des enregistrements de preuve (JSON Lines) ; des fichiers peuvent aussi être déposés ici</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message numerus="yes">
        <source>Imported %n record(s) from %1.</source>
        <translation>
            <numerusform>%n enregistrement importé de %1.</numerusform>
            <numerusform>%n enregistrements importés de %1.</numerusform>
        </translation>
    </message>
    <message>
        <source>Import of %1 cancelled: nothing was imported.</source>
        <translation>Importation de %1 annulée : rien n'a été importé.</translation>
    </message>
    <message>
        <source>%1, line %2: %3 Nothing was imported.</source>
        <translation>%1, ligne %2 : %3 Rien n'a été importé.</translation>
    </message>
    <message>
        <source>%1: %2 Nothing was imported.</source>
        <translation>%1 : %2 Rien n'a été importé.</translation>
    </message>
    <message>
        <source>The records could not be verified: %1</source>
        <translation>Les enregistrements n'ont pas pu être vérifiés : %1</translation>
    </message>
    <message>
        <source>Working</source>
        <translation>En cours</translation>
    </message>
    <message numerus="yes">
        <source>%n record(s)</source>
        <translation>
            <numerusform>%n enregistrement</numerusform>
            <numerusform>%n enregistrements</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n record(s) match</source>
        <translation>
            <numerusform>%n enregistrement correspond</numerusform>
            <numerusform>%n enregistrements correspondent</numerusform>
        </translation>
    </message>
    <message>
        <source>Import Evidence</source>
        <translation>Importer des preuves</translation>
    </message>
    <message>
        <source>Evidence records (*.jsonl *.json);;All files (*)</source>
        <translation>Enregistrements de preuve (*.jsonl *.json);;Tous les fichiers (*)</translation>
    </message>
</context>
<context>
    <name>ta::views::TaskProgress</name>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>Cancel %1 (Esc)</source>
        <translation>Annuler %1 (Échap)</translation>
    </message>
</context>
<context>
    <name>ta::app::LongWork</name>
    <message>
        <source>%1 failed.</source>
        <translation>%1 a échoué.</translation>
    </message>
</context>
<context>
    <name>ta::models::PolicyResimulator</name>
    <message>
        <source>Reading the evidence for the policy studio</source>
        <translation>Lecture des preuves pour le studio de politiques</translation>
    </message>
    <message>
        <source>Re-simulating the policies</source>
        <translation>Nouvelle simulation des politiques</translation>
    </message>
</context>
<context>
    <name>ta::models::DesignModel</name>
    <message>
        <source>the design could not be written</source>
        <translation>la conception n'a pas pu être écrite</translation>
    </message>
    <message>
        <source>%1 is in the design already</source>
        <translation>%1 est déjà dans la conception</translation>
    </message>
    <message>
        <source>Add trust domain %1 to the design</source>
        <translation>Ajouter le domaine de confiance %1 à la conception</translation>
    </message>
    <message>
        <source>Design trust domain %1</source>
        <translation>Concevoir le domaine de confiance %1</translation>
    </message>
    <message>
        <source>%1 is not in the design</source>
        <translation>%1 n'est pas dans la conception</translation>
    </message>
    <message>
        <source>%1 holds the design's platforms: remove them first</source>
        <translation>%1 contient les plateformes de la conception : retirez-les d'abord</translation>
    </message>
    <message>
        <source>Remove trust domain %1 from the design</source>
        <translation>Retirer le domaine de confiance %1 de la conception</translation>
    </message>
    <message>
        <source>%1 is not a platform key</source>
        <translation>%1 n'est pas une clé de plateforme</translation>
    </message>
    <message>
        <source>add a trust domain first</source>
        <translation>ajoutez d'abord un domaine de confiance</translation>
    </message>
    <message>
        <source>%1 is not a trust domain of the workspace</source>
        <translation>%1 n'est pas un domaine de confiance de l'espace de travail</translation>
    </message>
    <message>
        <source>Add platform %1</source>
        <translation>Ajouter la plateforme %1</translation>
    </message>
    <message>
        <source>Remove platform %1</source>
        <translation>Retirer la plateforme %1</translation>
    </message>
    <message>
        <source>%1 is not a platform of the design</source>
        <translation>%1 n'est pas une plateforme de la conception</translation>
    </message>
    <message>
        <source>Add node %1</source>
        <translation>Ajouter le nœud %1</translation>
    </message>
    <message>
        <source>Remove node %1</source>
        <translation>Retirer le nœud %1</translation>
    </message>
    <message>
        <source>%1 is not a node of the design</source>
        <translation>%1 n'est pas un nœud de la conception</translation>
    </message>
    <message>
        <source>Add workload %1</source>
        <translation>Ajouter la charge de travail %1</translation>
    </message>
    <message>
        <source>Remove workload %1</source>
        <translation>Retirer la charge de travail %1</translation>
    </message>
    <message>
        <source>a trust domain does not federate with itself</source>
        <translation>un domaine de confiance ne se fédère pas avec lui-même</translation>
    </message>
    <message>
        <source>%1 federates with %2 already</source>
        <translation>%1 est déjà fédéré avec %2</translation>
    </message>
    <message>
        <source>Federate %1 and %2</source>
        <translation>Fédérer %1 et %2</translation>
    </message>
    <message>
        <source>Federate %1 with %2</source>
        <translation>Fédérer %1 avec %2</translation>
    </message>
    <message>
        <source>a cluster name is lower-case letters, digits, '.' and '-'</source>
        <translation>un nom de cluster se compose de minuscules, de chiffres, de '.' et de '-'</translation>
    </message>
    <message>
        <source>an AWS account ID is 12 digits</source>
        <translation>un identifiant de compte AWS comporte 12 chiffres</translation>
    </message>
    <message>
        <source>a Google Cloud project ID is 6 to 30 lower-case letters, digits and '-', starting with a letter</source>
        <translation>un identifiant de projet Google Cloud comporte 6 à 30 minuscules, chiffres et '-', et commence par une lettre</translation>
    </message>
    <message>
        <source>the TPM host group has no name</source>
        <translation>le groupe d'hôtes TPM n'a pas de nom</translation>
    </message>
    <message>
        <source>"%1" is not a SPIFFE path segment (letters, digits, '.', '-', '_')</source>
        <translation>« %1 » n'est pas un segment de chemin SPIFFE (lettres, chiffres, '.', '-', '_')</translation>
    </message>
    <message>
        <source>"%1" is not a selector of the form type:key:value</source>
        <translation>« %1 » n'est pas un sélecteur de la forme type:clé:valeur</translation>
    </message>
    <message>
        <source>"%1": a Kubernetes node attests k8s selectors</source>
        <translation>« %1 » : un nœud Kubernetes atteste des sélecteurs k8s</translation>
    </message>
    <message>
        <source>"%1": k8s selectors need a Kubernetes node</source>
        <translation>« %1 » : les sélecteurs k8s exigent un nœud Kubernetes</translation>
    </message>
    <message>
        <source>"%1": a uid is a number</source>
        <translation>« %1 » : un uid est un nombre</translation>
    </message>
    <message>
        <source>"%1": the design knows k8s:ns, k8s:sa, k8s:container-image, docker:image_id and unix:uid</source>
        <translation>« %1 » : la conception connaît k8s:ns, k8s:sa, k8s:container-image, docker:image_id et unix:uid</translation>
    </message>
    <message>
        <source>a Kubernetes workload needs k8s:ns and k8s:sa selectors</source>
        <translation>une charge de travail Kubernetes exige les sélecteurs k8s:ns et k8s:sa</translation>
    </message>
</context>
<context>
    <name>ta::models::DesignGenerator</name>
    <message>
        <source>the design has no node to attest</source>
        <translation>la conception n'a aucun nœud à attester</translation>
    </message>
    <message>
        <source>trust domain %1 is not in the workspace</source>
        <translation>le domaine de confiance %1 n'est pas dans l'espace de travail</translation>
    </message>
    <message>
        <source>Generating evidence for the design</source>
        <translation>Génération des preuves pour la conception</translation>
    </message>
</context>
<context>
    <name>ta::views::DesignDialog</name>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Nom :</translation>
    </message>
    <message>
        <source>Add Trust Domain to the Design</source>
        <translation>Ajouter un domaine de confiance à la conception</translation>
    </message>
    <message>
        <source>example.org</source>
        <translation>example.org</translation>
    </message>
    <message>
        <source>Add Platform</source>
        <translation>Ajouter une plateforme</translation>
    </message>
    <message>
        <source>&amp;Kind:</source>
        <translation>&amp;Type :</translation>
    </message>
    <message>
        <source>Kubernetes cluster (k8s_psat)</source>
        <translation>Cluster Kubernetes (k8s_psat)</translation>
    </message>
    <message>
        <source>AWS account (aws_iid)</source>
        <translation>Compte AWS (aws_iid)</translation>
    </message>
    <message>
        <source>Google Cloud project (gcp_iit)</source>
        <translation>Projet Google Cloud (gcp_iit)</translation>
    </message>
    <message>
        <source>TPM host group (tpm)</source>
        <translation>Groupe d'hôtes TPM (tpm)</translation>
    </message>
    <message>
        <source>cluster name, account ID or project ID</source>
        <translation>nom du cluster, identifiant du compte ou du projet</translation>
    </message>
    <message>
        <source>&amp;Trust domain:</source>
        <translation>&amp;Domaine de confiance :</translation>
    </message>
    <message>
        <source>Add Node</source>
        <translation>Ajouter un nœud</translation>
    </message>
    <message>
        <source>node name</source>
        <translation>nom du nœud</translation>
    </message>
    <message>
        <source>&amp;Platform:</source>
        <translation>&amp;Plateforme :</translation>
    </message>
    <message>
        <source>Add Workload</source>
        <translation>Ajouter une charge de travail</translation>
    </message>
    <message>
        <source>workload name</source>
        <translation>nom de la charge de travail</translation>
    </message>
    <message>
        <source>&amp;Node:</source>
        <translation>&amp;Nœud :</translation>
    </message>
    <message>
        <source>One selector a line, as SPIRE writes them:
k8s:ns:payments
k8s:sa:api
k8s:container-image:registry.example/pay/api
unix:uid:1001</source>
        <translation>Un sélecteur par ligne, comme SPIRE les écrit :
k8s:ns:payments
k8s:sa:api
k8s:container-image:registry.example/pay/api
unix:uid:1001</translation>
    </message>
    <message>
        <source>&amp;Selectors:</source>
        <translation>&amp;Sélecteurs :</translation>
    </message>
    <message>
        <source>Federate Trust Domains</source>
        <translation>Fédérer des domaines de confiance</translation>
    </message>
    <message>
        <source>&amp;Federates with:</source>
        <translation>&amp;Fédéré avec :</translation>
    </message>
    <message>
        <source>&amp;Both ways (each holds the other's bundle)</source>
        <translation>Dans les &amp;deux sens (chacun détient le bundle de l'autre)</translation>
    </message>
    <message>
        <source>&amp;Add</source>
        <translation>&amp;Ajouter</translation>
    </message>
    <message>
        <source>The workspace was closed.</source>
        <translation>L'espace de travail a été fermé.</translation>
    </message>
    <message>
        <source>Add a trust domain first.</source>
        <translation>Ajoutez d'abord un domaine de confiance.</translation>
    </message>
    <message>
        <source>Add a platform first.</source>
        <translation>Ajoutez d'abord une plateforme.</translation>
    </message>
    <message>
        <source>Add a node first.</source>
        <translation>Ajoutez d'abord un nœud.</translation>
    </message>
    <message>
        <source>Federation needs two trust domains.</source>
        <translation>La fédération exige deux domaines de confiance.</translation>
    </message>
    <message>
        <source>Choose another trust domain to federate with.</source>
        <translation>Choisissez un autre domaine de confiance avec lequel fédérer.</translation>
    </message>
</context>
<context>
    <name>ta::views::GenerateEvidenceDialog</name>
    <message>
        <source>Generate Evidence</source>
        <translation>Générer des preuves</translation>
    </message>
    <message>
        <source>Writes trust anchors and a timeline of evidence for the design, ending now: every node attests through its platform's attestor and every workload through its node's agent.</source>
        <translation>Écrit des ancres de confiance et une chronologie de preuves pour la conception, se terminant maintenant : chaque nœud s'atteste par l'attesteur de sa plateforme et chaque charge de travail par l'agent de son nœud.</translation>
    </message>
    <message>
        <source> h</source>
        <translation> h</translation>
    </message>
    <message>
        <source>Timeline &amp;length:</source>
        <translation>&amp;Durée de la chronologie :</translation>
    </message>
    <message>
        <source> min</source>
        <translation> min</translation>
    </message>
    <message>
        <source>Round &amp;interval:</source>
        <translation>&amp;Intervalle des tours :</translation>
    </message>
    <message>
        <source> %</source>
        <translation> %</translation>
    </message>
    <message>
        <source>&amp;Drift rate:</source>
        <translation>&amp;Taux de dérive :</translation>
    </message>
    <message>
        <source>&amp;Seed:</source>
        <translation>&amp;Graine :</translation>
    </message>
    <message>
        <source>An image &amp;update half-way</source>
        <translation>Une &amp;mise à jour d'image à mi-parcours</translation>
    </message>
    <message>
        <source>The first cluster's &amp;key revoked at 60 %</source>
        <translation>La &amp;clé du premier cluster révoquée à 60 %</translation>
    </message>
    <message>
        <source>&amp;Generate</source>
        <translation>&amp;Générer</translation>
    </message>
</context>
<context>
    <name>ta::views::DesignPalette</name>
    <message>
        <source>Design</source>
        <translation>Conception</translation>
    </message>
    <message>
        <source>Add &amp;Trust Domain…</source>
        <translation>Ajouter un &amp;domaine de confiance…</translation>
    </message>
    <message>
        <source>Add a trust domain to the design</source>
        <translation>Ajouter un domaine de confiance à la conception</translation>
    </message>
    <message>
        <source>Add &amp;Platform…</source>
        <translation>Ajouter une &amp;plateforme…</translation>
    </message>
    <message>
        <source>Add a Kubernetes cluster, a cloud account or a TPM host group to the design</source>
        <translation>Ajouter un cluster Kubernetes, un compte cloud ou un groupe d'hôtes TPM à la conception</translation>
    </message>
    <message>
        <source>Add &amp;Node…</source>
        <translation>Ajouter un &amp;nœud…</translation>
    </message>
    <message>
        <source>Add &amp;Workload…</source>
        <translation>Ajouter une charge de &amp;travail…</translation>
    </message>
    <message>
        <source>&amp;Federate…</source>
        <translation>&amp;Fédérer…</translation>
    </message>
    <message>
        <source>&amp;Connect</source>
        <translation>&amp;Relier</translation>
    </message>
    <message>
        <source>Drag from one trust domain to another to federate them (or drag with Shift held)</source>
        <translation>Glisser d'un domaine de confiance à un autre pour les fédérer (ou glisser en maintenant Maj)</translation>
    </message>
    <message>
        <source>&amp;Generate Evidence…</source>
        <translation>&amp;Générer des preuves…</translation>
    </message>
    <message>
        <source>Generate anchors and evidence for the design</source>
        <translation>Générer des ancres et des preuves pour la conception</translation>
    </message>
    <message numerus="yes">
        <source>Generated %n evidence record(s) for the design.</source>
        <translation>
            <numerusform>%n preuve générée pour la conception.</numerusform>
            <numerusform>%n preuves générées pour la conception.</numerusform>
        </translation>
    </message>
    <message>
        <source>No evidence generated: %1</source>
        <translation>Aucune preuve générée : %1</translation>
    </message>
    <message>
        <source>&amp;Remove Platform %1 from the Design</source>
        <translation>&amp;Retirer la plateforme %1 de la conception</translation>
    </message>
    <message>
        <source>&amp;Remove Node %1 from the Design</source>
        <translation>&amp;Retirer le nœud %1 de la conception</translation>
    </message>
    <message>
        <source>&amp;Remove Workload %1 from the Design</source>
        <translation>&amp;Retirer la charge de travail %1 de la conception</translation>
    </message>
    <message>
        <source>&amp;Federate %1 With…</source>
        <translation>&amp;Fédérer %1 avec…</translation>
    </message>
    <message>
        <source>&amp;Remove Trust Domain %1 from the Design</source>
        <translation>&amp;Retirer le domaine de confiance %1 de la conception</translation>
    </message>
    <message>
        <source>%1 federates with %2 (one way). Edit its bundle endpoint in the Federation dock.</source>
        <translation>%1 est fédéré avec %2 (dans un sens). Modifiez son point de terminaison de bundle dans le panneau Fédération.</translation>
    </message>
</context>
<context>
    <name>ta::models::AuthorityPreparer</name>
    <message>
        <source>Preparing a new authority for %1</source>
        <translation>Préparation d’une nouvelle autorité pour %1</translation>
    </message>
</context>
</TS>
