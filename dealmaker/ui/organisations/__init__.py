"""The Organisaties screen: the tree (Rijk hierarchy, regional parties by kind) with
drag-and-drop re-parenting, a filter, the organisation card and the new/rename form.

``dealmaker.ui.pages.organisations.OrganisationsPage`` hosts ``view.OrganisationsView``.
"""
