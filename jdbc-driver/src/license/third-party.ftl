<#-- META-INF/THIRD-PARTY.txt of polaroid-jdbc-<version>-all.jar, rendered by license-maven-plugin's add-third-party.
     dependencyMap: entries of (MavenProject of a bundled artifact, its license names after licenseMerges).
     The URLs are those the artifact's POM (or its parents) declares for each license. -->
Polaroid JDBC driver: third-party software bundled in this jar

This jar contains the classes of the ${dependencyMap?size} artifacts below (some relocated under io.polaroid.shaded).
Each is listed with the license(s) its Maven POM declares and where their text is published. License texts that
the artifacts ship themselves are kept in META-INF/ (LICENSE.txt, NOTICE and *-LICENSE files).

<#list dependencyMap as e>
<#assign project = e.getKey()/>
${project.groupId}:${project.artifactId}:${project.version}<#if project.name?? && !project.name?contains('Unnamed')> (${project.name})</#if>
  Project: ${project.url!"no URL declared"}
  License: ${e.getValue()?join(", ")}
<#list project.licenses as license>
    - ${license.name!"(unnamed)"}: ${license.url!"no URL declared"}
</#list>

</#list>
