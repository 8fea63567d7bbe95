"""The Organisaties screen: the tree (Rijk hierarchy, regional parties by kind) with
drag-and-drop re-parenting, a filter, the organisation card and the new/rename form.

``page.OrganisationsPage`` (the sidebar page) hosts ``view.OrganisationsView``.
"""
